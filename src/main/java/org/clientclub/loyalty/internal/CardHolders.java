package org.clientclub.loyalty.internal;

import java.util.Optional;
import org.clientclub.loyalty.CardDetails;
import org.clientclub.membership.MemberId;
import org.clientclub.membership.MembershipService;
import org.springframework.stereotype.Component;

/** A card as staff see it: the card with its holder from membership and the balance. */
@Component
public class CardHolders {

    private final Ledger ledger;
    private final MembershipService membership;

    CardHolders(Ledger ledger, MembershipService membership) {
        this.ledger = ledger;
        this.membership = membership;
    }

    /** The member's newest card, whatever its state. */
    public Optional<CardDetails> latest(long memberId) {
        return ledger.latestCard(memberId).flatMap(card -> details(memberId, card));
    }

    public Optional<CardDetails> details(long memberId, Ledger.CardState card) {
        return membership
                .memberById(MemberId.of(memberId))
                .map(member -> new CardDetails(
                        memberId,
                        member.memberNumber(),
                        member.fullName(),
                        member.email(),
                        card.number(),
                        card.status(),
                        ledger.balance(memberId)));
    }
}
