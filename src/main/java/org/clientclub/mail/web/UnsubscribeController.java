package org.clientclub.mail.web;

import jakarta.servlet.http.HttpServletResponse;
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
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        model.addAttribute("known", notFoundUnless(mail.isKnownUnsubscribeToken(token), response));
        model.addAttribute("token", token);
        return "public/unsubscribe";
    }

    @PostMapping("/unsubscribe/{token}")
    String unsubscribe(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<String> email = mail.unsubscribe(token);
        model.addAttribute("known", notFoundUnless(email.isPresent(), response));
        model.addAttribute("done", email.isPresent());
        model.addAttribute("token", token);
        return "public/unsubscribe";
    }

    /** A forged or mistyped token names nobody: the page says so with 404, as for any unknown address. */
    private static boolean notFoundUnless(boolean known, HttpServletResponse response) {
        if (!known) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        return known;
    }
}
