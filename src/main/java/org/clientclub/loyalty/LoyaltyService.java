package org.clientclub.loyalty;

import java.util.List;
import java.util.Optional;
import org.clientclub.loyalty.internal.Ledger;
import org.clientclub.loyalty.process.ActivityPointsDecision;
import org.clientclub.security.CurrentStaff;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loyalty's public API: accounts and cards, points for club activity, redemption, balance and history. */
@Service
public class LoyaltyService {

    private static final String STAFF = "hasAnyRole('CLUB_STAFF', 'CLUB_MANAGER', 'ADMIN')";

    private final Ledger ledger;
    private final ActivityPointsDecision activityPoints;

    public LoyaltyService(Ledger ledger, ActivityPointsDecision activityPoints) {
        this.ledger = ledger;
        this.activityPoints = activityPoints;
    }

    /** Opens a new member's account and card. Idempotent. */
    @Transactional
    public void openAccount(long memberId) {
        ledger.openAccount(memberId);
    }

    /**
     * Credits the points the activity table gives for the activity, once per source reference.
     *
     * @return the points credited now; 0 when the table gives none or the source was credited before
     */
    @Transactional
    public long earnForActivity(long memberId, Activity activity, String sourceRef) {
        long points = activityPoints.pointsFor(activity);
        if (points <= 0) {
            return 0;
        }
        return ledger.book(memberId, Ledger.Kind.EARN, points, sourceRef, activity.name(), null) ? points : 0;
    }

    /**
     * A member spends points at a post office; a member of staff books it with a reason.
     *
     * @throws InsufficientPoints when the member has fewer points; nothing is booked
     */
    @PreAuthorize(STAFF)
    @Transactional
    public boolean redeem(long memberId, long points, String sourceRef, String reason) {
        if (points <= 0) {
            throw new IllegalArgumentException("Redeem a positive number of points");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A redemption needs a reason");
        }
        return ledger.book(memberId, Ledger.Kind.REDEEM, -points, sourceRef, reason.strip(),
                CurrentStaff.require().username());
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public long balance(long memberId) {
        return ledger.balance(memberId);
    }

    /** The newest entries first. */
    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public List<LedgerEntryView> history(long memberId, int limit) {
        return ledger.history(memberId, Math.min(Math.max(limit, 1), 200));
    }

    @PreAuthorize(STAFF)
    @Transactional(readOnly = true)
    public Optional<CardNumber> card(long memberId) {
        return ledger.activeCard(memberId);
    }
}
