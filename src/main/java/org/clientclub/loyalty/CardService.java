package org.clientclub.loyalty;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.clientclub.loyalty.internal.CardHolders;
import org.clientclub.loyalty.internal.CardImages;
import org.clientclub.loyalty.internal.CardLinks;
import org.clientclub.loyalty.internal.Ledger;
import org.clientclub.membership.MembershipService;
import org.clientclub.security.AppRoles;
import org.clientclub.shared.ClubTime;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cards at the counter: finding a member's card, blocking and reissuing it, the member's card link; and the member's
 * own card page behind that link. Each member has an account and one active card from the day they join.
 */
@Service
public class CardService {

    /** At most this many members come back from a search by name; staff narrow it with the first name. */
    public static final int NAME_MATCHES = 20;

    private final Ledger ledger;
    private final CardHolders holders;
    private final CardLinks cardLinks;
    private final MembershipService membership;

    public CardService(Ledger ledger, CardHolders holders, CardLinks cardLinks, MembershipService membership) {
        this.ledger = ledger;
        this.holders = holders;
        this.cardLinks = cardLinks;
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
            return ledger.card(q)
                    .flatMap(card -> ledger.memberOfCard(q).flatMap(memberId -> holders.details(memberId, card)));
        }
        return membership.searchMembers(q, 0, 20).stream()
                .filter(m -> m.email().equals(q) || m.memberNumber().equals(q))
                .map(m -> m.id().value())
                .findFirst()
                .flatMap(holders::latest);
    }

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
                .flatMap(m -> holders.latest(m.id().value()).stream())
                .toList();
    }

    /** Every word asked for begins one of the words of the name ("иванова мар" finds Мария Петровна Иванова). */
    private static boolean namedAs(String fullName, List<String> words) {
        List<String> parts = List.of(fullName.toLowerCase(Locale.ROOT).split("[\\s-]+"));
        return words.stream().allMatch(w -> parts.stream().anyMatch(p -> p.startsWith(w)));
    }

    /** The member's active card. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional(readOnly = true)
    public Optional<CardNumber> card(long memberId) {
        return ledger.activeCard(memberId);
    }

    /** Opens a new member's account and card. Idempotent. */
    @Transactional
    public void openAccount(long memberId) {
        ledger.openAccount(memberId);
    }

    /** The card was lost or stolen: it stops earning until a new one is issued. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional
    public void blockCard(long memberId) {
        ledger.blockActiveCard(memberId);
    }

    /** Issues a new card number; the points stay with the member. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    @Transactional
    public CardNumber reissueCard(long memberId) {
        return ledger.reissue(memberId);
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
}
