/** The outbox: rendering, queuing with quotas, recipients and unsubscribe tokens, and sending in batches. */
@org.jspecify.annotations.NullMarked
package org.clientclub.mail.internal.outbox;
