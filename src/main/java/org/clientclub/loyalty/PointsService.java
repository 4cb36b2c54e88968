package org.clientclub.loyalty;

import java.util.List;
import java.util.Optional;
import org.clientclub.loyalty.internal.AdjustmentRequests;
import org.clientclub.loyalty.internal.CardHolders;
import org.clientclub.loyalty.internal.Ledger;
import org.clientclub.loyalty.process.PointsAdjustmentProcess;
import org.clientclub.loyalty.process.rules.ActivityPointsDecision;
import org.clientclub.membership.MemberId;
import org.clientclub.membership.MembershipService;
import org.clientclub.security.AppRoles;
import org.clientclub.security.CurrentStaff;
import org.clientclub.shared.Postcode;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Points: what the club credits for activity, what members spend at post offices, balance and history, and manual
 * adjustments that a second person approves. Purchases earn through {@link PurchaseImports}.
 */
@Service
public class PointsService {

    private final Ledger ledger;
    private final ActivityPointsDecision activityPoints;
    private final CardHolders holders;
    private final MembershipService membership;
    private final PointsAdjustmentProcess adjustments;
    private final AdjustmentRequests adjustmentRequests;

    public PointsService(
            Ledger ledger,
            ActivityPointsDecision activityPoints,
            CardHolders holders,
            MembershipService membership,
            PointsAdjustmentProcess adjustments,
            AdjustmentRequests adjustmentRequests) {
        this.ledger = ledger;
        this.activityPoints = activityPoints;
        this.holders = holders;
        this.membership = membership;
        this.adjustments = adjustments;
        this.adjustmentRequests = adjustmentRequests;
    }

    /**
     * Credits the points the activity table gives for the activity, once per source.
     *
     * @return the points credited now; 0 when the table gives none or the source was credited before
     */
    @Transactional
    public long earnForActivity(long memberId, Activity activity, SourceRef source) {
        long points = activityPoints.pointsFor(activity);
        if (points <= 0) {
            return 0;
        }
        return ledger.book(memberId, EntryKind.EARN, points, source, activity.name(), null) ? points : 0;
    }

    /**
     * A member spends points at a post office; a member of staff books it with the office's number and a reason.
     *
     * @param postOffice the post office's number, its postcode
     * @throws InsufficientPoints when the member has fewer points; nothing is booked
     */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional
    public boolean redeem(long memberId, long points, String postOffice, SourceRef source, String reason) {
        if (points <= 0) {
            throw new IllegalArgumentException("Redeem a positive number of points");
        }
        if (!Postcode.isValid(postOffice)) {
            throw new IllegalArgumentException("A redemption names its post office by its postcode");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A redemption needs a reason");
        }
        return ledger.book(
                memberId,
                EntryKind.REDEEM,
                -points,
                source,
                reason.strip(),
                CurrentStaff.require().username(),
                Integer.valueOf(postOffice));
    }

    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional(readOnly = true)
    public long balance(long memberId) {
        return ledger.balance(memberId);
    }

    /** The newest entries first. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional(readOnly = true)
    public List<LedgerEntryView> history(long memberId, int limit) {
        return ledger.history(memberId, Math.min(Math.max(limit, 1), 200));
    }

    /**
     * Asks for a manual change of a member's points; a manager other than the requester approves it in the inbox
     * before it is booked (PointsAdjustmentProcess).
     *
     * @return the request's business key
     */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional
    public String requestAdjustment(long memberId, long points, String reason) {
        if (points == 0 || reason == null || reason.isBlank() || reason.length() > 500) {
            throw new IllegalArgumentException("An adjustment needs points and a reason");
        }
        if (membership.memberById(MemberId.of(memberId)).isEmpty()) {
            throw new IllegalArgumentException("No member " + memberId);
        }
        String requestedBy = CurrentStaff.require().username();
        String businessKey = adjustments.start(requestedBy);
        adjustmentRequests.record(
                businessKey, new AdjustmentRequests.Request(memberId, points, reason.strip(), requestedBy));
        return businessKey;
    }

    /** What an adjustment waiting for approval asks for, with the member's card and balance now. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional(readOnly = true)
    public Optional<AdjustmentRequest> adjustmentRequest(String businessKey) {
        return adjustmentRequests
                .find(businessKey)
                .flatMap(request -> holders.latest(request.memberId())
                        .map(card -> new AdjustmentRequest(
                                card, request.points(), request.reason(), request.requestedBy())));
    }
}
