package org.clientclub.loyalty.internal;

import org.clientclub.loyalty.Activity;
import org.clientclub.loyalty.CardService;
import org.clientclub.loyalty.PointsService;
import org.clientclub.loyalty.SourceRef;
import org.clientclub.membership.MemberJoined;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A new member gets an account, a card and the welcome bonus. */
@Component
class MembershipReactions {

    private final CardService cards;
    private final PointsService points;

    MembershipReactions(CardService cards, PointsService points) {
        this.cards = cards;
        this.points = points;
    }

    @ApplicationModuleListener
    void on(MemberJoined event) {
        long memberId = event.memberId().value();
        cards.openAccount(memberId);
        points.earnForActivity(memberId, Activity.WELCOME_BONUS, SourceRef.memberJoined(memberId));
    }
}
