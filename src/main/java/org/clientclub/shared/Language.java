package org.clientclub.shared;

import java.util.Locale;

/** The languages the club speaks with members and staff. Russian is the default. */
public enum Language {
    RU(Locale.forLanguageTag("ru")),
    EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Language defaultLanguage() {
        return RU;
    }

    /** The language of a locale, falling back to Russian for anything the club does not speak. */
    public static Language of(Locale locale) {
        if (locale != null && "en".equals(locale.getLanguage())) {
            return EN;
        }
        return RU;
    }

    public static Language fromCode(String code) {
        if (code == null) {
            return RU;
        }
        return "en".equalsIgnoreCase(code.trim()) ? EN : RU;
    }
}
