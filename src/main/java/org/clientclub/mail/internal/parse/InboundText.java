package org.clientclub.mail.internal.parse;

import org.clientclub.mail.internal.outbox.MailRenderer;
import org.clientclub.shared.Language;

/** The text body of an inbound message for {@link InboundParser}: cleaned for storage, and its language. */
final class InboundText {

    private InboundText() {}

    /** PostgreSQL text refuses NUL, and other control characters are only noise in a text body. */
    static String cleanText(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n').replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]", "");
    }

    static String htmlToText(String html) {
        try {
            return MailRenderer.toText(html);
        } catch (RuntimeException e) {
            return "";
        }
    }

    static Language language(String contentLanguage, String subject, String text) {
        if (contentLanguage != null) {
            String tag = HeaderValue.parse(contentLanguage).value().split("[\\s,]", 2)[0];
            if (tag.startsWith("ru")) {
                return Language.RU;
            }
            if (tag.startsWith("en")) {
                return Language.EN;
            }
        }
        boolean latin = false;
        for (String s : new String[] {subject, text}) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isLetter(c)) {
                    Character.UnicodeScript script = Character.UnicodeScript.of(c);
                    if (script == Character.UnicodeScript.CYRILLIC) {
                        return Language.RU;
                    }
                    latin |= script == Character.UnicodeScript.LATIN;
                }
            }
        }
        return latin ? Language.EN : Language.RU;
    }
}
