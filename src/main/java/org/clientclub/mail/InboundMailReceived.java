package org.clientclub.mail;

/**
 * An e-mail reached the club mailbox and is stored (or staff asked to handle a stored one again), announced to the
 * {@link org.clientclub.mail.spi.InboundMailHandler}s in the storing transaction: a message is either stored and
 * taken by its handler, or neither, and then fetched again.
 *
 * @param message   the message as the parser read it at storing; the only parse a handling gets, so a handler
 *                  keeps what it needs of it
 * @param reprocess whether staff asked for it again rather than the mailbox delivering it
 */
public record InboundMailReceived(InboundMailId id, InboundMessage message, boolean reprocess) {}
