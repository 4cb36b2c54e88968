package org.clientclub.loyalty.web;

import org.clientclub.loyalty.LoyaltyService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A member's card page, from the link in the welcome e-mail: barcode, QR code, balance and history. */
@Controller
class CardPageController {

    private final LoyaltyService loyalty;

    CardPageController(LoyaltyService loyalty) {
        this.loyalty = loyalty;
    }

    @GetMapping("/card/{token}")
    String card(@PathVariable String token, Model model) {
        model.addAttribute("card", loyalty.cardPage(token).orElse(null));
        return "public/card";
    }
}
