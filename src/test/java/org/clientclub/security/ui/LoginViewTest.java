package org.clientclub.security.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginOverlay;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import elemental.json.JsonObject;
import java.util.Map;
import org.clientclub.security.LoginThrottled;
import org.clientclub.support.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.WebAttributes;

/** The log-in page tells a wrong password from a log-in paused after too many of them. */
class LoginViewTest extends KaribuTest {

    @Test
    void aWrongPasswordAsksToCheckIt() {
        refusedWith(new BadCredentialsException("Bad credentials"));

        LoginOverlay login = _get(LoginOverlay.class);
        assertThat(login.isError()).isTrue();
        assertThat(errorMessage(login)).isEqualTo(UI.getCurrent().getTranslation("login.error.message"));
    }

    @Test
    void aThrottledLogInSaysToWaitAFewMinutes() {
        refusedWith(new LoginThrottled());

        LoginOverlay login = _get(LoginOverlay.class);
        assertThat(login.isError()).isTrue();
        assertThat(errorMessage(login))
                .isEqualTo(UI.getCurrent().getTranslation("login.throttled.message"))
                .contains("несколько минут");
    }

    private static void refusedWith(Exception refusal) {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, refusal);
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));
    }

    private static String errorMessage(LoginOverlay login) {
        return ((JsonObject) login.getElement().getPropertyRaw("i18n"))
                .getObject("errorMessage")
                .getString("message");
    }
}
