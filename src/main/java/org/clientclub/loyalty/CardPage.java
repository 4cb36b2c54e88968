package org.clientclub.loyalty;

import java.time.LocalDateTime;
import java.util.List;

/** What a member sees on their own card page; times are Moscow time. */
public record CardPage(String cardNumber, String status, long balance, String barcode, String qrCode,
                       List<Line> history) {

    public record Line(LocalDateTime when, String kind, long points) {
    }
}
