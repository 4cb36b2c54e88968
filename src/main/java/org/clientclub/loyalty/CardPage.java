package org.clientclub.loyalty;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** What a member sees on their own card page; times are Moscow time. */
public record CardPage(
        String cardNumber, CardStatus status, long balance, String barcode, String qrCode, List<Line> history) {

    /** Whether the card still earns and spends. */
    public boolean active() {
        return status == CardStatus.ACTIVE;
    }

    /** @param reason what the entry was for, empty where staff wrote it (their words are for the club's records) */
    public record Line(LocalDateTime when, EntryKind kind, long points, Optional<EntryReason> reason) {}
}
