package org.clientclub.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.ibm.icu.text.MessagePattern;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every message of both bundles formats through the application's {@link IcuMessageSource}, and counts read right:
 * Russian has three forms for whole numbers (1 балл, 2 балла, 5 баллов), and 11 and 21 differ.
 */
class MessageBundlesTest {

    private static final Locale RU = Locale.forLanguageTag("ru");

    private final IcuMessageSource messages = new IcuMessageSource("messages");

    @Test
    void everyMessageFormatsInBothLanguagesWithArgumentsOfItsKinds() throws IOException {
        for (String bundle : new String[] {"/messages.properties", "/messages_en.properties"}) {
            Locale locale = bundle.contains("_en") ? Locale.ENGLISH : RU;
            load(bundle).forEach((key, pattern) -> {
                Object[] args = sampleArguments(pattern);
                assertThatCode(() -> messages.getMessage(key, args, locale))
                        .as("%s in %s", key, bundle)
                        .doesNotThrowAnyException();
                String text = messages.getMessage(key, args, locale);
                assertThat(text)
                        .as("%s in %s: every argument filled", key, bundle)
                        .doesNotContain("{0", "{1", "{2");
                if (pattern.contains("'")) {
                    assertThat(text)
                            .as("%s in %s keeps its apostrophe", key, bundle)
                            .contains("'");
                }
                if (args.length == 0) {
                    assertThat(new com.ibm.icu.text.MessageFormat(pattern, locale).format(new Object[0]))
                            .as("%s in %s reads the same with or without arguments", key, bundle)
                            .isEqualTo(pattern);
                }
            });
        }
    }

    @Test
    void bothBundlesHoldTheSameKeys() throws IOException {
        assertThat(load("/messages_en.properties").keySet())
                .isEqualTo(load("/messages.properties").keySet());
    }

    @Test
    void russianCountsTakeTheirPluralForm() {
        assertThat(ru("cards.redeem.insufficient", 1)).isEqualTo("На счёте только 1 балл");
        assertThat(ru("cards.redeem.insufficient", 2)).isEqualTo("На счёте только 2 балла");
        assertThat(ru("cards.redeem.insufficient", 5)).isEqualTo("На счёте только 5 баллов");
        assertThat(ru("cards.redeem.insufficient", 11)).isEqualTo("На счёте только 11 баллов");
        assertThat(ru("cards.redeem.insufficient", 21)).isEqualTo("На счёте только 21 балл");
        assertThat(ru("cards.redeem.insufficient", 22)).isEqualTo("На счёте только 22 балла");
        assertThat(ru("cards.redeemed", 1)).isEqualTo("Списан 1 балл");
        assertThat(ru("cards.redeemed", 11)).isEqualTo("Списано 11 баллов");
        assertThat(ru("mail.monthly-statement.balance", 21L)).isEqualTo("На карте сейчас: 21 балл");
        assertThat(ru("mail.points-expiry-warning.text", 1L, "01.12.2026"))
                .startsWith("1 балл на вашей карте сгорит 01.12.2026. Потратьте его ");
        assertThat(ru("mail.points-expiry-warning.text", 22L, "01.12.2026"))
                .startsWith("22 балла на вашей карте сгорят 01.12.2026. Потратьте их ");
        assertThat(ru("mail.points-expiry-warning.text", 5L, "01.12.2026"))
                .startsWith("5 баллов на вашей карте сгорят");
        assertThat(ru("cards.several", 2)).startsWith("Нашлось 2 участника.");
        assertThat(ru("cards.several", 5)).startsWith("Нашлось 5 участников.");
        assertThat(ru("cards.several", 21)).startsWith("Нашёлся 21 участник.");
        assertThat(ru("cards.several.more", 20)).startsWith("Показаны 20 новых участников с таким именем");
    }

    @Test
    void englishCountsTakeOneOrMany() {
        assertThat(en("cards.redeem.insufficient", 1)).isEqualTo("The account holds only 1 point");
        assertThat(en("cards.redeem.insufficient", 21)).isEqualTo("The account holds only 21 points");
        assertThat(en("mail.points-expiry-warning.text", 1L, "01.12.2026"))
                .startsWith("1 point on your card expires on 01.12.2026. Spend it ");
        assertThat(en("cards.reason.purchases", 1L, new java.math.BigDecimal("99.90")))
                .isEqualTo("Purchases at post offices: 1 receipt, 99.90 ₽");
    }

    @Test
    void aLoneApostropheIsAnApostropheBesideAnArgument() {
        assertThat(messages.getMessage("intake.todo.notOurQuestionnaire", new Object[] {"ilove@club"}, Locale.ENGLISH))
                .isEqualTo(
                        "Download the club's questionnaire with the link below, fill it in and send it to ilove@club.");
    }

    @Test
    void aMissingMessageFallsBackToTheDefaultAsWritten() {
        assertThat(messages.getMessage("no.such.key", new Object[] {1}, "Имя {", RU))
                .isEqualTo("Имя {");
        assertThat(messages.getMessage("no.such.key", null, "Имя", RU)).isEqualTo("Имя");
    }

    private String ru(String key, Object... args) {
        return messages.getMessage(key, args, RU);
    }

    private String en(String key, Object... args) {
        return messages.getMessage(key, args, Locale.ENGLISH);
    }

    /** A number for each counted or numeric argument, a word for the others. */
    private static Object[] sampleArguments(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        Object[] args = new Object[0];
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() != MessagePattern.Part.Type.ARG_START) {
                continue;
            }
            MessagePattern.Part name = parsed.getPart(i + 1);
            int index = name.getValue();
            if (index >= args.length) {
                args = java.util.Arrays.copyOf(args, index + 1);
            }
            boolean numeric = part.getArgType() != MessagePattern.ArgType.NONE
                    && part.getArgType() != MessagePattern.ArgType.SELECT;
            if (args[index] == null || numeric) {
                args[index] = numeric ? (Object) 3 : "слово";
            }
        }
        for (int i = 0; i < args.length; i++) {
            args[i] = Objects.requireNonNullElse(args[i], "слово");
        }
        return args;
    }

    private static TreeMap<String, String> load(String bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(
                Objects.requireNonNull(MessageBundlesTest.class.getResourceAsStream(bundle)), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        TreeMap<String, String> messages = new TreeMap<>();
        properties.forEach((key, value) -> messages.put((String) key, (String) value));
        return messages;
    }
}
