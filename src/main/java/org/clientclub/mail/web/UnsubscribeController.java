package org.clientclub.mail.web;

import java.util.Optional;
import org.clientclub.mail.MailService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The unsubscribe link of every e-mail. GET shows a page with a button, since link scanners open links;
 * POST unsubscribes, also as RFC 8058 one-click from the mail client (List-Unsubscribe-Post).
 */
@Controller
class UnsubscribeController {

    private final MailService mail;

    UnsubscribeController(MailService mail) {
        this.mail = mail;
    }

    @GetMapping("/unsubscribe/{token}")
    String confirm(@PathVariable String token, Model model) {
        model.addAttribute("known", mail.isKnownUnsubscribeToken(token));
        model.addAttribute("token", token);
        return "public/unsubscribe";
    }

    @PostMapping("/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model) {
        Optional<String> email = mail.unsubscribe(token);
        model.addAttribute("known", email.isPresent());
        model.addAttribute("done", email.isPresent());
        model.addAttribute("token", token);
        return "public/unsubscribe";
    }
}
