package org.clientclub.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.login.LoginOverlay;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.clientclub.security.LoginThrottled;
import org.clientclub.shared.ui.LanguageSwitch;
import org.springframework.security.web.WebAttributes;

/** The staff log-in, in the chosen language, with a link to the public questionnaire. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginOverlay login = new LoginOverlay();

    public LoginView() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Header header = new LoginI18n.Header();
        header.setTitle(getTranslation("app.title"));
        header.setDescription(getTranslation("login.description"));
        i18n.setHeader(header);
        i18n.getForm().setTitle(getTranslation("login.title"));
        i18n.getForm().setUsername(getTranslation("login.username"));
        i18n.getForm().setPassword(getTranslation("login.password"));
        i18n.getForm().setSubmit(getTranslation("login.submit"));
        i18n.getForm().setForgotPassword(getTranslation("login.forgot"));
        i18n.getErrorMessage().setTitle(getTranslation("login.error.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.error.message"));
        login.setI18n(i18n);
        login.setForgotPasswordButtonVisible(false);
        login.setAction("login");

        Anchor join = new Anchor("join", getTranslation("login.join"));
        join.setRouterIgnore(false);
        LanguageSwitch languages = new LanguageSwitch();
        login.getFooter().add(languages, join);
        login.setOpened(true);
        add(login);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean error = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        // Spring Security keeps the refusal in the session (SimpleUrlAuthenticationFailureHandler): a throttled
        // log-in says to wait rather than to check the password.
        Object refusal = VaadinSession.getCurrent().getSession().getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        if (error && refusal instanceof LoginThrottled) {
            login.showErrorMessage(getTranslation("login.throttled.title"), getTranslation("login.throttled.message"));
        } else {
            login.setError(error);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}
