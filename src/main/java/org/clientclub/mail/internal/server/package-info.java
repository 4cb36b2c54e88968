/** The in-process mail server of the embedded default (GreenMail keeping raw bytes). */
@org.jspecify.annotations.NullMarked
package org.clientclub.mail.internal.server;
