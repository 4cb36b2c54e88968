/** Mail's public web endpoints: unsubscribe links. */
@org.jspecify.annotations.NullMarked
package org.clientclub.mail.web;
