package org.clientclub.shared.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The application's {@code messages*.properties}, formatted with ICU's {@link MessageFormat} instead of the JDK's:
 * ICU knows each language's plural rules, so a message says {@code {0, plural, one {# балл} few {# балла} many {#
 * баллов} other {# балла}}} and reads right for 1, 2, 5, 11 and 21 points. It also reads a lone apostrophe as an
 * apostrophe ({@code the club's}): only {@code '{'} quotes. A message without arguments is returned as written.
 */
public class IcuMessageSource extends ResourceBundleMessageSource {

    // ICU formats are not safe for concurrent use: one per pattern and locale, used under its own lock.
    private final Map<Locale, Map<String, MessageFormat>> formats = new ConcurrentHashMap<>();

    public IcuMessageSource(String basename) {
        setBasename(basename);
        setDefaultEncoding("UTF-8");
        setFallbackToSystemLocale(false);
    }

    @Override
    protected String getMessageInternal(String code, Object[] args, Locale locale) {
        if (code == null) {
            return null;
        }
        Locale target = locale == null ? Locale.getDefault() : locale;
        String pattern = resolveCodeWithoutArguments(code, target);
        if (pattern == null) {
            return null;
        }
        return formatMessage(pattern, resolveArguments(args, target), target);
    }

    /** A default message is a literal text (a form's own label, a key), shown as written and never parsed. */
    @Override
    protected String renderDefaultMessage(String defaultMessage, Object[] args, Locale locale) {
        return defaultMessage;
    }

    @Override
    protected String formatMessage(String message, Object[] args, Locale locale) {
        if (args == null || args.length == 0) {
            return message;
        }
        MessageFormat format = formats.computeIfAbsent(locale, l -> new ConcurrentHashMap<>())
                .computeIfAbsent(message, m -> new MessageFormat(m, ULocale.forLocale(locale)));
        synchronized (format) {
            return format.format(args);
        }
    }
}
