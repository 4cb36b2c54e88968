package org.clientclub.mail.spi;

import java.util.Optional;
import org.clientclub.mail.InboundMailReceived;
import org.clientclub.mail.InboundResult;

/**
 * Takes messages of the club mailbox. Mail asks the handlers in their {@link org.springframework.core.annotation.Order}
 * for each stored message, in the storing transaction; the first that claims a message owns it, and the others
 * never see it. A message nobody claims is kept as ignored.
 *
 * <p>The owner records what later becomes of the message with
 * {@link org.clientclub.mail.InboundMailService#recordOutcome}; mail never asks it again, except when staff handle
 * the message again.
 */
public interface InboundMailHandler {

    /**
     * @return empty when the message is not this handler's; otherwise what came of it so far
     *         ({@link InboundResult#received()} when that is decided later)
     * @throws org.clientclub.mail.InboundMailRefused when the message is this handler's but cannot be taken now
     */
    Optional<InboundResult> handle(InboundMailReceived received);
}
