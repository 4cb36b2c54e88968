package org.clientclub.membership.web;

import jakarta.servlet.http.HttpServletRequest;
import org.clientclub.membership.ConfirmationResult;
import org.clientclub.membership.MembershipService;
import org.clientclub.shared.web.ClientAddress;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages members reach from e-mail links. Opening a link only shows a page with a button: mail scanners
 * and previews open links too, and must not confirm anything. Pressing the button (a POST with a CSRF token)
 * does the work.
 */
@Controller
class ConfirmationController {

    private final MembershipService membership;

    ConfirmationController(MembershipService membership) {
        this.membership = membership;
    }

    @GetMapping("/confirm/{token}")
    String confirmPage(@PathVariable String token, Model model) {
        model.addAttribute("state", membership.checkLink(token, false));
        model.addAttribute("token", token);
        model.addAttribute("done", false);
        return "public/confirm";
    }

    @PostMapping("/confirm/{token}")
    String confirm(@PathVariable String token, Model model) {
        ConfirmationResult result = membership.confirmEmail(token);
        model.addAttribute("state", result);
        model.addAttribute("token", token);
        model.addAttribute("done", result == ConfirmationResult.CONFIRMED);
        return "public/confirm";
    }

    @GetMapping("/guardian/{token}")
    String guardianPage(@PathVariable String token, Model model) {
        model.addAttribute("state", membership.checkLink(token, true));
        model.addAttribute("request", membership.guardianRequest(token).orElse(null));
        model.addAttribute("token", token);
        model.addAttribute("answer", null);
        return "public/guardian";
    }

    @PostMapping("/guardian/{token}")
    String guardianAnswer(@PathVariable String token, @RequestParam(name = "decision", defaultValue = "") String decision,
                          Model model, HttpServletRequest request) {
        if (!"agree".equals(decision) && !"decline".equals(decision)) {
            return guardianPage(token, model);
        }
        boolean agree = "agree".equals(decision);
        ConfirmationResult result = membership.answerGuardianRequest(token, agree, ClientAddress.of(request));
        model.addAttribute("state", result);
        model.addAttribute("request", null);
        model.addAttribute("token", token);
        model.addAttribute("answer", result == ConfirmationResult.CONFIRMED ? decision : null);
        return "public/guardian";
    }
}
