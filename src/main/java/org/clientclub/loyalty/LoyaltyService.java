package org.clientclub.loyalty;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clientclub.loyalty.internal.AdjustmentRequests;
import org.clientclub.loyalty.internal.CardImages;
import org.clientclub.loyalty.internal.CardLinks;
import org.clientclub.loyalty.internal.Ledger;
import org.clientclub.loyalty.internal.RefusedRuleUploads;
import org.clientclub.loyalty.process.ActivityPointsDecision;
import org.clientclub.loyalty.process.EarningRules;
import org.clientclub.loyalty.process.PointsAdjustmentProcess;
import org.clientclub.membership.MemberId;
import org.clientclub.membership.MembershipService;
import org.clientclub.security.AppRoles;
import org.clientclub.security.CurrentStaff;
import org.clientclub.shared.ClubTime;
import org.clientclub.shared.Postcode;
import org.clientclub.workflow.UploadedDecisions;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loyalty's public API: accounts and cards, points for club activity, redemption, balance and history. */
@Service
public class LoyaltyService {

    private final Ledger ledger;
    private final ActivityPointsDecision activityPoints;

    private final MembershipService membership;

    private final CardLinks cardLinks;
    private final PointsAdjustmentProcess adjustments;
    private final EarningRules earningRules;
    private final RefusedRuleUploads refusedRuleUploads;
    private final AdjustmentRequests adjustmentRequests;

    public LoyaltyService(
            Ledger ledger,
            ActivityPointsDecision activityPoints,
            MembershipService membership,
            CardLinks cardLinks,
            PointsAdjustmentProcess adjustments,
            EarningRules earningRules,
            RefusedRuleUploads refusedRuleUploads,
            AdjustmentRequests adjustmentRequests) {
        this.adjustmentRequests = adjustmentRequests;
        this.ledger = ledger;
        this.earningRules = earningRules;
        this.refusedRuleUploads = refusedRuleUploads;
        this.cardLinks = cardLinks;
        this.adjustments = adjustments;
        this.activityPoints = activityPoints;
        this.membership = membership;
    }

    /** Finds a card by its number, the member's e-mail or the member's number. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional(readOnly = true)
    public Optional<CardDetails> findCard(String query) {
        String q = query == null ? "" : query.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
        if (q.isEmpty() || q.length() > 254) {
            return Optional.empty();
        }
        if (CardNumber.isValid(q)) {
            // The card asked for, also when it was blocked or replaced, so staff see why it no longer earns.
            return ledger.card(q).flatMap(card -> ledger.memberOfCard(q).flatMap(memberId -> details(memberId, card)));
        }
        return membership.searchMembers(q, 0, 20).stream()
                .filter(m -> m.email().equals(q) || m.memberNumber().equals(q))
                .map(m -> m.id().value())
                .findFirst()
                .flatMap(memberId -> ledger.latestCard(memberId).flatMap(card -> details(memberId, card)));
    }

    /** At most this many members come back from a search by name; staff narrow it with the first name. */
    public static final int NAME_MATCHES = 20;

    /**
     * Finds cards by card number, e-mail or member number (one card), or by the member's name: the last name, or
     * "last first", any case. Several members of that name give a short list, newest members first, at most
     * {@link #NAME_MATCHES}; each with their newest card.
     */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional(readOnly = true)
    public List<CardDetails> findCards(String query) {
        Optional<CardDetails> exact = findCard(query);
        if (exact.isPresent()) {
            return List.of(exact.get());
        }
        String name = query == null ? "" : query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (name.length() < 2 || name.length() > 254 || name.indexOf('@') >= 0) {
            return List.of();
        }
        List<String> words = List.of(name.split(" "));
        return membership.searchMembers(name, 0, NAME_MATCHES).stream()
                // The member search also matches towns, e-mails and parts of words: keep whole names only.
                .filter(m -> namedAs(m.fullName(), words))
                .flatMap(m -> ledger.latestCard(m.id().value()).flatMap(card -> details(m.id().value(), card)).stream())
                .toList();
    }

    /** Every word asked for begins one of the words of the name ("иванова мар" finds Мария Петровна Иванова). */
    private static boolean namedAs(String fullName, List<String> words) {
        List<String> parts = List.of(fullName.toLowerCase(Locale.ROOT).split("[\\s-]+"));
        return words.stream().allMatch(w -> parts.stream().anyMatch(p -> p.startsWith(w)));
    }

    /**
     * The barcode of the card behind a card link, as PNG: welcome e-mails sent before they carried the barcode inside
     * them link to it.
     */
    @Transactional(readOnly = true)
    public Optional<byte[]> cardBarcode(String token) {
        return cardLinks
                .memberOf(token)
                .flatMap(ledger::latestCard)
                .map(card -> CardImages.barcodePng(new CardNumber(card.number())));
    }

    private Optional<CardDetails> details(long memberId, Ledger.CardState card) {
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

    /** The member's page behind a card link; empty for an unknown token. */
    @Transactional(readOnly = true)
    public Optional<CardPage> cardPage(String token) {
        return cardLinks
                .memberOf(token)
                .flatMap(memberId -> ledger.latestCard(memberId).map(card -> {
                    CardNumber number = new CardNumber(card.number());
                    List<CardPage.Line> lines = ledger.history(memberId, 20).stream()
                            .map(e -> new CardPage.Line(
                                    LocalDateTime.ofInstant(e.occurredAt(), ClubTime.ZONE),
                                    e.kind(),
                                    e.points(),
                                    e.readableReason().forMember()))
                            .toList();
                    return new CardPage(
                            card.number(),
                            card.status(),
                            ledger.balance(memberId),
                            CardImages.barcode(number),
                            CardImages.qrCode(number),
                            lines);
                }));
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
                .flatMap(request -> ledger.latestCard(request.memberId())
                        .flatMap(card -> details(request.memberId(), card))
                        .map(card -> new AdjustmentRequest(
                                card, request.points(), request.reason(), request.requestedBy())));
    }

    /** The earning tables in force: ActivityPoints and PurchasePoints, their versions and who deployed them. */
    @PreAuthorize(AppRoles.MANAGER_EXPRESSION)
    public List<EarningRule> earningRules() {
        return earningRules.current();
    }

    /** The table in force as DMN XML, to change in Camunda Modeler; empty for another decision id. */
    @PreAuthorize(AppRoles.MANAGER_EXPRESSION)
    public Optional<byte[]> earningRuleXml(String decisionId) {
        return earningRules.xml(decisionId);
    }

    /**
     * Deploys a changed earning table (the decision inside says which); the next evaluation uses it, no release needed.
     *
     * @throws InvalidEarningRule when the file is not a table the club can use; nothing is deployed, and the file is
     *         kept with the reason ({@link #refusedEarningRules()})
     */
    @PreAuthorize(AppRoles.MANAGER_EXPRESSION)
    @Transactional
    public EarningRule deployEarningRule(byte[] dmnXml) {
        if (dmnXml == null || dmnXml.length == 0 || dmnXml.length > MAX_RULE_BYTES) {
            throw new InvalidEarningRule("rules.invalid.size", "");
        }
        String username = CurrentStaff.require().username();
        try {
            return earningRules.deploy(dmnXml, username);
        } catch (InvalidEarningRule refused) {
            refusedRuleUploads.keep(username, dmnXml, refused);
            throw refused;
        }
    }

    /** The newest refused uploads, with why, so that a manager sees what became of a file someone tried. */
    @PreAuthorize(AppRoles.MANAGER_EXPRESSION)
    public List<RefusedEarningRule> refusedEarningRules() {
        return refusedRuleUploads.newest();
    }

    /** A refused upload as it came, to download and mend (or to see what someone tried). */
    @PreAuthorize(AppRoles.MANAGER_EXPRESSION)
    public Optional<byte[]> refusedEarningRuleXml(long id) {
        return refusedRuleUploads.content(id);
    }

    /** A decision table is a few kilobytes; a megabyte is far more than any the club would write. */
    public static final int MAX_RULE_BYTES = UploadedDecisions.MAX_BYTES;

    /** The card was lost or stolen: it stops earning until a new one is issued. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional
    public void blockCard(long memberId) {
        ledger.blockActiveCard(memberId);
    }

    /** Whether the member's card link opens their card page, and until when. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional(readOnly = true)
    public CardLinkState cardLink(long memberId) {
        return cardLinks.state(memberId);
    }

    /** The member's card link opens nothing any more (a forwarded or leaked e-mail); a renewal sends a new one. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional
    public void revokeCardLink(long memberId) {
        cardLinks.revoke(memberId);
    }

    /** Replaces the member's card link and mails the new one to them; the old link opens nothing any more. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional
    public void renewCardLink(long memberId) {
        cardLinks.renew(memberId);
    }

    /** Issues a new card number; the points stay with the member. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional
    public CardNumber reissueCard(long memberId) {
        return ledger.reissue(memberId);
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
     * A member spends points at a post office; a member of staff books it with the office's number and a reason.
     *
     * @param postOffice the post office's number, its postcode
     * @throws InsufficientPoints when the member has fewer points; nothing is booked
     */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional
    public boolean redeem(long memberId, long points, String postOffice, String sourceRef, String reason) {
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
                Ledger.Kind.REDEEM,
                -points,
                sourceRef,
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

    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional(readOnly = true)
    public Optional<CardNumber> card(long memberId) {
        return ledger.activeCard(memberId);
    }
}
