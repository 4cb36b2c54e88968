package org.clientclub.shared.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import org.clientclub.shared.Language;
import org.springframework.stereotype.Component;

/**
 * Russian unless the visitor chose English with the {@link LanguageSwitch}: the browser's language is
 * deliberately not used, since the club's default language is Russian.
 */
@Component
class LocaleInitializer implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource()
                .addSessionInitListener(session -> session.getSession()
                        .setLocale(chosenLanguage(session.getRequest()).locale()));
        event.getSource()
                .addUIInitListener(
                        ui -> ui.getUI().setLocale(ui.getUI().getSession().getLocale()));
    }

    static Language chosenLanguage(VaadinRequest request) {
        Cookie[] cookies = request == null ? null : request.getCookies();
        if (cookies == null) {
            return Language.defaultLanguage();
        }
        return Arrays.stream(cookies)
                .filter(c -> LanguageSwitch.COOKIE.equals(c.getName()))
                .map(c -> Language.fromCode(c.getValue()))
                .findFirst()
                .orElse(Language.defaultLanguage());
    }
}
