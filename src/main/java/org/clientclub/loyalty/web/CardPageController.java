package org.clientclub.loyalty.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Optional;
import org.clientclub.loyalty.CardPage;
import org.clientclub.loyalty.CardService;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A member's card page, from the link in the welcome e-mail: barcode, QR code, balance and history. */
@Controller
class CardPageController {

    /**
     * Mail clients fetch the e-mail's barcode each time it is opened; an hour of private caching spares that,
     * and a reissued card shows its new number within the hour.
     */
    private static final CacheControl BARCODE_CACHE =
            CacheControl.maxAge(Duration.ofHours(1)).cachePrivate();

    private final CardService cards;

    CardPageController(CardService cards) {
        this.cards = cards;
    }

    /** A forged, expired or revoked link answers 404 with a page that names nothing (decision 0023). */
    @GetMapping("/card/{token}")
    String card(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<CardPage> card = cards.cardPage(token);
        if (card.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        model.addAttribute("card", card.orElse(null));
        return "public/card";
    }

    /**
     * The card's EAN-13 barcode as an image, with the same token as the page: welcome e-mails sent before they
     * carried the barcode inside them show it from here.
     */
    @GetMapping("/card/{token}/barcode.png")
    ResponseEntity<byte[]> barcode(@PathVariable String token) {
        return cards.cardBarcode(token)
                .map(png -> ResponseEntity.ok()
                        .contentType(MediaType.IMAGE_PNG)
                        .cacheControl(BARCODE_CACHE)
                        .body(png))
                .orElseGet(() -> ResponseEntity.notFound()
                        .cacheControl(CacheControl.noStore())
                        .build());
    }
}
