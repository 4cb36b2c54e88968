/** The club mailbox: reading it over IMAP, storing each message once with its raw bytes, and handing it to the handlers. */
@org.jspecify.annotations.NullMarked
package org.clientclub.mail.internal.inbound;
