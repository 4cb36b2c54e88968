package org.clientclub.mail;

/**
 * An e-mail reached the club mailbox and is stored (or staff asked to handle a stored one again). Published in
 * the storing transaction: a listener that joins it makes handling the message part of storing it, so a message
 * is either stored and handled, or neither, and then fetched again.
 *
 * @param reprocess whether staff asked for it again rather than the mailbox delivering it
 */
public record InboundMailReceived(long inboundId, boolean reprocess) {}
