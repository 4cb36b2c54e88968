package org.clientclub.loyalty.internal;

import org.clientclub.loyalty.Activity;
import org.clientclub.loyalty.LoyaltyService;
import org.clientclub.membership.MemberJoined;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** A new member gets an account, a card and the welcome bonus. */
@Component
class MembershipReactions {

    private final LoyaltyService loyalty;

    MembershipReactions(LoyaltyService loyalty) {
        this.loyalty = loyalty;
    }

    @ApplicationModuleListener
    void on(MemberJoined event) {
        long memberId = event.memberId().value();
        loyalty.openAccount(memberId);
        loyalty.earnForActivity(memberId, Activity.WELCOME_BONUS, "member-joined:" + memberId);
    }
}
