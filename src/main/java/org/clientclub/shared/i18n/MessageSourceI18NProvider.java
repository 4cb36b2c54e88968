package org.clientclub.shared.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import org.clientclub.shared.Language;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Serves Vaadin's translations from Spring's message bundles, so views, e-mails and public pages read one set
 * of {@code messages*.properties}. A key without a message comes back as itself, which lets a form written
 * by a manager use literal labels.
 */
@Component
class MessageSourceI18NProvider implements I18NProvider {

    private final MessageSource messages;

    MessageSourceI18NProvider(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return List.of(Language.RU.locale(), Language.EN.locale());
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        if (key == null) {
            return "";
        }
        return messages.getMessage(key, params, key, Language.of(locale).locale());
    }
}
