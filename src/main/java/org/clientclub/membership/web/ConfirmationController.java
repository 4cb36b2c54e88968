package org.clientclub.membership.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.clientclub.membership.ConfirmationResult;
import org.clientclub.membership.GuardianRequest;
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
    String confirmPage(@PathVariable String token, Model model, HttpServletResponse response) {
        model.addAttribute("state", notFoundIfInvalid(membership.checkLink(token, false), response));
        model.addAttribute("token", token);
        model.addAttribute("done", false);
        return "public/confirm";
    }

    @PostMapping("/confirm/{token}")
    String confirm(@PathVariable String token, Model model, HttpServletResponse response) {
        ConfirmationResult result = notFoundIfInvalid(membership.confirmEmail(token), response);
        model.addAttribute("state", result);
        model.addAttribute("token", token);
        model.addAttribute("done", result == ConfirmationResult.CONFIRMED);
        return "public/confirm";
    }

    /** The child's name and age only while the link can be answered; a used or expired link shows a message alone. */
    @GetMapping("/guardian/{token}")
    String guardianPage(@PathVariable String token, Model model, HttpServletResponse response) {
        Optional<GuardianRequest> request = membership.guardianRequest(token);
        model.addAttribute(
                "state",
                request.isPresent()
                        ? ConfirmationResult.CONFIRMED
                        : notFoundIfInvalid(membership.checkLink(token, true), response));
        model.addAttribute("request", request.orElse(null));
        model.addAttribute("token", token);
        model.addAttribute("answer", null);
        return "public/guardian";
    }

    @PostMapping("/guardian/{token}")
    String guardianAnswer(
            @PathVariable String token,
            @RequestParam(name = "decision", defaultValue = "") String decision,
            Model model,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (!"agree".equals(decision) && !"decline".equals(decision)) {
            return guardianPage(token, model, response);
        }
        boolean agree = "agree".equals(decision);
        ConfirmationResult result =
                notFoundIfInvalid(membership.answerGuardianRequest(token, agree, ClientAddress.of(request)), response);
        model.addAttribute("state", result);
        model.addAttribute("request", null);
        model.addAttribute("token", token);
        model.addAttribute("answer", result == ConfirmationResult.CONFIRMED ? decision : null);
        return "public/guardian";
    }

    /** A forged or mistyped token names nothing: the page says so with 404, as for any unknown address. */
    private static ConfirmationResult notFoundIfInvalid(ConfirmationResult result, HttpServletResponse response) {
        if (result == ConfirmationResult.INVALID) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        return result;
    }
}
