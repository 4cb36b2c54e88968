/** Mail's implementation: rendering, the outbox and its sender, recipients and quotas, and the club mailbox reader and parser. */
@org.jspecify.annotations.NullMarked
package org.clientclub.mail.internal;
