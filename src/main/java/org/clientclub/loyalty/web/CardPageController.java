package org.clientclub.loyalty.web;

import java.time.Duration;
import java.util.Optional;
import org.clientclub.loyalty.LoyaltyService;
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
     * Mail clients fetch the e-mail's images each time it is opened; an hour of private caching spares that,
     * and a reissued card shows its new number within the hour.
     */
    private static final CacheControl IMAGE_CACHE = CacheControl.maxAge(Duration.ofHours(1)).cachePrivate();

    private final LoyaltyService loyalty;

    CardPageController(LoyaltyService loyalty) {
        this.loyalty = loyalty;
    }

    @GetMapping("/card/{token}")
    String card(@PathVariable String token, Model model) {
        model.addAttribute("card", loyalty.cardPage(token).orElse(null));
        return "public/card";
    }

    /** The card's EAN-13 barcode as an image, for the welcome e-mail; the same token as the page. */
    @GetMapping("/card/{token}/barcode.png")
    ResponseEntity<byte[]> barcode(@PathVariable String token) {
        return image(loyalty.cardBarcode(token));
    }

    /** The card's QR code as an image, for the welcome e-mail. */
    @GetMapping("/card/{token}/qr.png")
    ResponseEntity<byte[]> qrCode(@PathVariable String token) {
        return image(loyalty.cardQrCode(token));
    }

    private static ResponseEntity<byte[]> image(Optional<byte[]> png) {
        return png.map(body -> ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(IMAGE_CACHE).body(body))
                .orElseGet(() -> ResponseEntity.notFound().cacheControl(CacheControl.noStore()).build());
    }
}
