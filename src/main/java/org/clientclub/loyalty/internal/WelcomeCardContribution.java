package org.clientclub.loyalty.internal;

import java.util.Map;
import org.clientclub.loyalty.CardNumber;
import org.clientclub.mail.InlineImage;
import org.clientclub.membership.MemberId;
import org.clientclub.membership.spi.WelcomeMailContributor;
import org.clientclub.shared.Language;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the new member's card number, its barcode and QR code (images inside the message, which mail clients show
 * even when they block remote images) and the link to their card page into the welcome e-mail. The account is
 * opened here if the MemberJoined listener has not done it yet; both are idempotent.
 */
@Component
class WelcomeCardContribution implements WelcomeMailContributor {

    private final Ledger ledger;
    private final CardLinks links;

    WelcomeCardContribution(Ledger ledger, CardLinks links) {
        this.ledger = ledger;
        this.links = links;
    }

    @Override
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Map<String, Object> contribute(MemberId member, Language language) {
        long memberId = member.value();
        ledger.openAccount(memberId);
        CardNumber number = ledger.activeCard(memberId).orElseThrow();
        String cardUrl = links.issue(memberId);
        return Map.of(
                "cardNumber",
                number.value(),
                "cardUrl",
                cardUrl,
                "cardBarcode",
                InlineImage.png(CardImages.barcodePng(number)),
                "cardQrCode",
                InlineImage.png(CardImages.qrCodePng(number)));
    }
}
