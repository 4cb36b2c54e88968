package org.clientclub.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import org.clientclub.shared.Language;

/** "RU | EN": switches the UI language and remembers the choice in a cookie for the next visit. */
public class LanguageSwitch extends HorizontalLayout {

    public static final String COOKIE = "clientclub-lang";

    public LanguageSwitch() {
        setSpacing(false);
        getStyle().set("gap", "var(--lumo-space-xs)");
        addClassName("language-switch");
        for (Language language : Language.values()) {
            Button button = new Button(language.name(), e -> switchTo(language));
            button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            button.getElement().setAttribute("aria-label", language.locale().getDisplayLanguage(language.locale()));
            button.setId("lang-" + language.code());
            add(button);
        }
    }

    private static void switchTo(Language language) {
        VaadinSession.getCurrent().setLocale(language.locale());
        if (VaadinService.getCurrentResponse() != null) {
            Cookie cookie = new Cookie(COOKIE, language.code());
            cookie.setPath("/");
            cookie.setMaxAge(365 * 24 * 3600);
            cookie.setHttpOnly(true);
            VaadinService.getCurrentResponse().addCookie(cookie);
        }
        UI.getCurrent().getPage().reload();
    }
}
