package org.clientclub.membership.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.util.Arrays;
import java.util.List;

/** Date picker texts from the message bundles, so the calendar speaks the page's language. */
final class DatePickers {

    private DatePickers() {}

    static DatePicker.DatePickerI18n i18n(Component c) {
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setMonthNames(list(c, "datepicker.months"));
        i18n.setWeekdays(list(c, "datepicker.weekdays"));
        i18n.setWeekdaysShort(list(c, "datepicker.weekdaysShort"));
        i18n.setFirstDayOfWeek(Integer.parseInt(c.getTranslation("datepicker.firstDayOfWeek")));
        i18n.setToday(c.getTranslation("datepicker.today"));
        i18n.setCancel(c.getTranslation("datepicker.cancel"));
        i18n.setDateFormat(c.getTranslation("datepicker.format"));
        return i18n;
    }

    private static List<String> list(Component c, String key) {
        return Arrays.stream(c.getTranslation(key).split(",")).map(String::trim).toList();
    }
}
