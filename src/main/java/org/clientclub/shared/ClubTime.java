package org.clientclub.shared;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The club keeps Moscow time, as the postal operator does: a purchase's day, a campaign's dates, when points expire and
 * every time staff see on a screen, whatever zone the server runs in.
 */
public final class ClubTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

    private ClubTime() {}

    /** Date and time for a screen, short, in the club's zone. */
    public static DateTimeFormatter dateTime(Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(locale)
                .withZone(ZONE);
    }
}
