package org.clientclub.mail.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.clientclub.support.MailCorpus.FILE_APPLE;
import static org.clientclub.support.MailCorpus.FILE_EN;
import static org.clientclub.support.MailCorpus.FILE_RU;
import static org.clientclub.support.MailCorpus.SUBJECT_EN;
import static org.clientclub.support.MailCorpus.SUBJECT_RU;
import static org.clientclub.support.MailCorpus.TEXT_EN;
import static org.clientclub.support.MailCorpus.TEXT_RU;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.clientclub.mail.InboundAttachment;
import org.clientclub.mail.InboundMessage;
import org.clientclub.mail.InboundMessage.Automatic;
import org.clientclub.shared.Language;
import org.clientclub.support.MailCorpus;
import org.clientclub.support.MailCorpus.Case;
import org.clientclub.support.MailCorpus.Expected;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class InboundParserTest {

    static final byte[] FILLED_RU = pdf("filled questionnaire RU");
    static final byte[] FILLED_EN = pdf("filled questionnaire EN");
    static final byte[] NO_CONSENT = pdf("filled questionnaire without consent");
    static final byte[] SCANNED = pdf("scanned questionnaire");
    static final byte[] ENCRYPTED = encryptedPdf();
    static final byte[] FOREIGN = pdf("somebody else's form");
    static final byte[] BLANK = pdf("blank questionnaire");
    static final long LIMIT = InboundParser.Limits.DEFAULTS.maxAttachmentBytes();

    static final List<Case> CORPUS = MailCorpus.all(
            LIMIT,
            language -> language == Language.EN ? FILLED_EN : FILLED_RU,
            language -> NO_CONSENT,
            SCANNED,
            ENCRYPTED,
            FOREIGN,
            BLANK);

    private final InboundParser parser = new InboundParser();

    /** What the parser must find in one corpus message; null fields are not checked. */
    record Facts(
            String subject, String text, Language language, Automatic automatic, String from, List<Att> attachments) {}

    /** @param data null: do not compare the bytes */
    record Att(String fileName, String contentType, byte[] data, long size, boolean tooLarge, boolean forwarded) {}

    static Att pdfAtt(String name, byte[] data) {
        return new Att(name, "application/pdf", data, data.length, false, false);
    }

    static Att att(String name, String type, byte[] data) {
        return new Att(name, type, data, data.length, false, false);
    }

    static Att forwardedPdf(byte[] data) {
        return new Att(FILE_RU, "application/pdf", data, data.length, false, true);
    }

    static Facts ru(List<Att> attachments) {
        return new Facts(SUBJECT_RU, TEXT_RU, Language.RU, Automatic.NONE, "maria@example.ru", attachments);
    }

    static final Map<String, Facts> FACTS = new HashMap<>();

    static {
        List<Att> filled = List.of(pdfAtt(FILE_RU, FILLED_RU));
        for (String name : List.of(
                "utf8-8bit-rfc2231-name",
                "koi8r-declared-qp",
                "koi8r-undeclared",
                "cp1251-undeclared",
                "utf8-raw-headers",
                "q-subject-split-qp-body",
                "base64-text-and-junk-lines",
                "rfc2231-continuations",
                "missing-message-id",
                "reply-to-only")) {
            FACTS.put(name, ru(filled));
        }
        FACTS.put("cp1251-declared-8bit", ru(List.of(att(FILE_RU, "application/octet-stream", FILLED_RU))));
        FACTS.put(
                "outlook",
                new Facts(
                        SUBJECT_RU,
                        TEXT_RU + "\n\n-- \nМария",
                        Language.RU,
                        Automatic.NONE,
                        "m.ivanova@example.ru",
                        filled));
        FACTS.put(
                "apple-mail",
                new Facts(
                        SUBJECT_RU,
                        TEXT_RU,
                        Language.RU,
                        Automatic.NONE,
                        "yulia@icloud.com",
                        List.of(pdfAtt(FILE_APPLE, FILLED_RU))));
        FACTS.put(
                "nested-related-inline-image",
                ru(List.of(att("attachment-1.png", "image/png", MailCorpus.png()), pdfAtt(FILE_RU, FILLED_RU))));
        FACTS.put(
                "english-sender",
                new Facts(
                        SUBJECT_EN,
                        TEXT_EN,
                        Language.EN,
                        Automatic.NONE,
                        "john.smith@example.com",
                        List.of(pdfAtt(FILE_EN, FILLED_EN))));
        FACTS.put(
                "html-only-content-language-en",
                new Facts(
                        "Questionnaire",
                        "Hello,\n\nmy questionnaire is attached.\nJohn",
                        Language.EN,
                        Automatic.NONE,
                        "john.smith@example.com",
                        List.of(pdfAtt(FILE_EN, FILLED_EN))));
        for (String name : List.of("forwarded-rfc822", "eml-attachment")) {
            FACTS.put(
                    name,
                    new Facts(
                            "Fwd: " + SUBJECT_RU,
                            "Пересылаю анкету жены.",
                            Language.RU,
                            Automatic.NONE,
                            "husband@example.ru",
                            List.of(forwardedPdf(FILLED_RU))));
        }
        FACTS.put(
                "multipart-signed",
                ru(List.of(
                        pdfAtt(FILE_RU, FILLED_RU),
                        att(
                                "smime.p7s",
                                "application/pkcs7-signature",
                                "not really a signature".getBytes(StandardCharsets.US_ASCII)))));
        FACTS.put(
                "pdf-and-unrelated-photo",
                ru(List.of(pdfAtt(FILE_RU, FILLED_RU), att("IMG_0001.jpg", "image/jpeg", MailCorpus.jpeg()))));
        FACTS.put("pdf-without-name-inline", ru(List.of(pdfAtt("attachment-1.pdf", FILLED_RU))));
        FACTS.put(
                "text-only",
                new Facts(
                        SUBJECT_RU,
                        "Как вступить в клуб?",
                        Language.RU,
                        Automatic.NONE,
                        "maria@example.ru",
                        List.of()));
        FACTS.put(
                "docx-only",
                ru(List.of(att(
                        "Анкета.docx",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        MailCorpus.docx()))));
        FACTS.put("winmail-dat-only", ru(List.of(att("winmail.dat", "application/ms-tnef", MailCorpus.tnef()))));
        FACTS.put("two-filled-pdfs", ru(List.of(pdfAtt(FILE_RU, FILLED_RU), pdfAtt("Анкета мужа.pdf", FILLED_RU))));
        FACTS.put("scanned-pdf", ru(List.of(pdfAtt("scan0001.pdf", SCANNED))));
        FACTS.put("jpeg-photo-of-form", ru(List.of(att("Фото анкеты.jpg", "image/jpeg", MailCorpus.photo()))));
        FACTS.put("encrypted-pdf", ru(List.of(pdfAtt(FILE_RU, ENCRYPTED))));
        FACTS.put("truncated-pdf", ru(List.of(pdfAtt(FILE_RU, Arrays.copyOf(FILLED_RU, FILLED_RU.length / 2)))));
        FACTS.put("zero-byte-pdf", ru(List.of(pdfAtt(FILE_RU, new byte[0]))));
        FACTS.put("foreign-form", ru(List.of(pdfAtt("Заявление.pdf", FOREIGN))));
        FACTS.put("blank-form", ru(List.of(pdfAtt(FILE_RU, BLANK))));
        FACTS.put("no-consent", ru(List.of(pdfAtt(FILE_RU, NO_CONSENT))));
        FACTS.put(
                "oversized-attachment", ru(List.of(new Att(FILE_RU, "application/pdf", null, LIMIT + 1, true, false))));
        FACTS.put(
                "out-of-office",
                new Facts(
                        "Out of Office: " + SUBJECT_EN,
                        "I am out of the office until Monday.",
                        Language.EN,
                        Automatic.AUTO_REPLY,
                        "boss@example.ru",
                        List.of()));
        FACTS.put(
                "avtootvet-x-autoreply",
                new Facts(
                        "Автоответ: " + SUBJECT_RU,
                        "Я в отпуске до 1 марта.",
                        Language.RU,
                        Automatic.AUTO_REPLY,
                        "maria@yandex.ru",
                        List.of()));
        FACTS.put(
                "auto-reply-subject-only",
                new Facts(
                        "Auto-reply: " + SUBJECT_EN,
                        "Thank you for your message.",
                        Language.EN,
                        Automatic.AUTO_REPLY,
                        "help@example.com",
                        List.of()));
        FACTS.put(
                "precedence-bulk-with-pdf",
                new Facts(
                        "Каталог недели",
                        "Новые товары недели",
                        Language.RU,
                        Automatic.BULK,
                        "news@shop.example.ru",
                        List.of(pdfAtt("catalog.pdf", FILLED_RU))));
        FACTS.put(
                "dsn-delivery-status",
                new Facts(
                        "Undelivered Mail Returned to Sender",
                        "your message could not be delivered",
                        Language.EN,
                        Automatic.BOUNCE,
                        "MAILER-DAEMON@mx.example.ru",
                        List.of(forwardedPdf(FILLED_RU))));
        FACTS.put(
                "mailer-daemon-with-original",
                new Facts(
                        "Mail delivery failed: returning message to sender",
                        "could not be delivered",
                        Language.EN,
                        Automatic.BOUNCE,
                        "Mailer-Daemon@mail.example.ru",
                        List.of(forwardedPdf(FILLED_RU))));
        FACTS.put(
                "read-receipt",
                new Facts(
                        "Прочитано: " + SUBJECT_RU,
                        "Ваше сообщение было прочитано.",
                        Language.RU,
                        Automatic.READ_RECEIPT,
                        "maria@example.ru",
                        List.of()));
        FACTS.put(
                "outlook-read-subject-only",
                new Facts(
                        "Read: " + SUBJECT_EN,
                        "Your message was read",
                        Language.EN,
                        Automatic.READ_RECEIPT,
                        "m.ivanova@example.ru",
                        List.of()));
        FACTS.put(
                "majordomo-robot",
                new Facts(
                        "Majordomo results",
                        "not recognized",
                        Language.EN,
                        Automatic.MAILING_LIST,
                        "Majordomo@lists.example.ru",
                        List.of()));
        FACTS.put(
                "list-request-robot",
                new Facts(
                        "Confirm your subscription",
                        "Reply to confirm.",
                        Language.EN,
                        Automatic.MAILING_LIST,
                        "club-news-request@lists.example.ru",
                        List.of()));
        FACTS.put(
                "noreply-sender",
                new Facts(
                        "Ваш заказ отправлен",
                        "передан в доставку",
                        Language.RU,
                        Automatic.NO_REPLY,
                        "no-reply@shop.example.ru",
                        List.of()));
        FACTS.put(
                "list-id-discussion",
                new Facts("Re: встреча клуба", "Я приду!", Language.RU, Automatic.BULK, "anna@example.ru", List.of()));
        // This parser trusts no server, so the forged sender shows only with the configured one (below).
        FACTS.put(
                "forged-dmarc-fail",
                new Facts(SUBJECT_RU, TEXT_RU, Language.RU, Automatic.NONE, "victim@example.ru", List.of()));
        FACTS.put("garbage-not-mime", new Facts(null, null, null, Automatic.NONE, null, List.of()));
    }

    static Stream<Case> corpus() {
        return CORPUS.stream();
    }

    @Test
    void corpusHasEveryKindOfMailTheIssueAsksFor() {
        assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(32);
        assertThat(CORPUS).extracting(Case::name).doesNotHaveDuplicates();
        assertThat(CORPUS).extracting(Case::expected).contains(Expected.values());
        assertThat(CORPUS).extracting(Case::reason).filteredOn(r -> r != null).containsAll(MailCorpus.REASONS);
        assertThat(FACTS.keySet())
                .as("every corpus message has its facts here")
                .containsExactlyInAnyOrderElementsOf(
                        CORPUS.stream().map(Case::name).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void readsTheFactsOfEveryCorpusMessage(Case mail) {
        InboundMessage message = parser.parse(mail.raw());
        Facts facts = FACTS.get(mail.name());

        if (facts.subject() != null) {
            assertThat(message.subject()).isEqualTo(facts.subject());
        }
        if (facts.text() != null) {
            assertThat(message.text()).contains(facts.text());
        }
        if (facts.language() != null) {
            assertThat(message.language()).isEqualTo(facts.language());
        }
        assertThat(message.automatic()).isEqualTo(facts.automatic());
        assertThat(message.from()).isEqualTo(facts.from());
        assertThat(message.attachments()).hasSameSizeAs(facts.attachments());
        for (int i = 0; i < facts.attachments().size(); i++) {
            Att expected = facts.attachments().get(i);
            InboundAttachment actual = message.attachments().get(i);
            assertThat(actual.index()).isEqualTo(i);
            assertThat(actual.fileName()).isEqualTo(expected.fileName());
            assertThat(actual.contentType()).isEqualTo(expected.contentType());
            assertThat(actual.size()).isEqualTo(expected.size());
            assertThat(actual.tooLarge()).isEqualTo(expected.tooLarge());
            assertThat(actual.forwarded()).isEqualTo(expected.forwarded());
            if (expected.data() != null) {
                assertThat(actual.data()).isEqualTo(expected.data());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void keepsTheEnvelopeAndReportsOnlyKnownProblems(Case mail) {
        InboundMessage message = parser.parse(mail.raw());

        assertThat(message.problems()).isSubsetOf(InboundParser.PROBLEMS);
        switch (mail.name()) {
            case "missing-message-id" -> assertThat(message.messageId()).isNull();
            case "garbage-not-mime" -> assertThat(message.problems()).contains(InboundParser.NOT_MIME);
            case "oversized-attachment" -> assertThat(message.problems()).containsExactly("attachmentTooLarge");
            default -> {
                assertThat(message.messageId()).isEqualTo(mail.name() + "@example.ru");
                assertThat(message.sentAt()).isEqualTo("2026-02-02T07:15:00Z");
                assertThat(message.problems()).isEmpty();
            }
        }
        if (mail.expected() == Expected.IGNORED) {
            assertThat(message.automatic())
                    .isEqualTo(
                            switch (mail.reason()) {
                                case "bounce" -> Automatic.BOUNCE;
                                case "readReceipt" -> Automatic.READ_RECEIPT;
                                case "mailingList" -> Automatic.MAILING_LIST;
                                case "noReply" -> Automatic.NO_REPLY;
                                case "bulk" -> Automatic.BULK;
                                case "forgedSender" -> Automatic.NONE;
                                default -> Automatic.AUTO_REPLY;
                            });
        } else {
            assertThat(message.automatic()).isEqualTo(Automatic.NONE);
        }
    }

    @Test
    void neverThrowsOnEmptyNullOrCutMessages() {
        assertThat(parser.parse(null).problems()).containsExactly(InboundParser.EMPTY);
        assertThat(parser.parse(new byte[0]).problems()).containsExactly(InboundParser.EMPTY);
        byte[] outlook = CORPUS.stream()
                .filter(c -> c.name().equals("outlook"))
                .findFirst()
                .orElseThrow()
                .raw();
        for (int cut = 1; cut < outlook.length; cut += 97) {
            byte[] head = Arrays.copyOf(outlook, cut);
            assertThatCode(() -> parser.parse(head)).doesNotThrowAnyException();
        }
    }

    @Test
    void everyProblemHasAStaffTextInRussianAndEnglish() throws IOException {
        for (String bundle : List.of("/messages.properties", "/messages_en.properties")) {
            java.util.Properties texts = new java.util.Properties();
            try (var in =
                    new java.io.InputStreamReader(getClass().getResourceAsStream(bundle), StandardCharsets.UTF_8)) {
                texts.load(in);
            }
            for (String problem : InboundParser.PROBLEMS) {
                assertThat(texts.getProperty("inbound.problem." + problem))
                        .as(bundle + " " + problem)
                        .isNotBlank();
            }
        }
    }

    @Test
    void neverThrowsOnDamagedCorpusMessages() {
        Random random = new Random(11);
        for (Case mail : CORPUS) {
            if (mail.raw().length > 100_000) {
                continue;
            }
            for (int variant = 0; variant < 5; variant++) {
                byte[] damaged = mail.raw().clone();
                for (int flip = 0; flip < 20; flip++) {
                    damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                }
                assertThatCode(() -> parser.parse(damaged)).as(mail.name()).doesNotThrowAnyException();
            }
        }
    }

    @Test
    void readsTextInAnUnknownOrMisspelledCharsetByItsBytes() {
        byte[] koi8 = TEXT_RU.getBytes(MailCorpus.KOI8_R);

        InboundMessage unknown = parser.parse(message("text/plain; charset=x-user-defined-42", null, "8bit", koi8));
        InboundMessage alias = parser.parse(
                message("text/plain; charset=win-1251", null, "8bit", TEXT_RU.getBytes(MailCorpus.CP1251)));

        assertThat(unknown.text()).isEqualTo(TEXT_RU);
        assertThat(unknown.problems()).containsExactly(InboundParser.UNKNOWN_CHARSET);
        assertThat(alias.text()).isEqualTo(TEXT_RU);
        assertThat(alias.problems()).isEmpty();
    }

    @Test
    void keepsNameAndSizeButNotTheBytesOfAnAttachmentOverTheLimit() {
        InboundParser small = new InboundParser(new InboundParser.Limits(1000, 200, 10, 60_000));

        InboundMessage over = small.parse(withAttachment(new byte[1001]));
        InboundMessage at = small.parse(withAttachment(new byte[1000]));

        assertThat(over.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo(FILE_RU);
            assertThat(a.size()).isEqualTo(1001);
            assertThat(a.data()).isNull();
            assertThat(a.tooLarge()).isTrue();
        });
        assertThat(over.problems()).containsExactly(InboundParser.ATTACHMENT_TOO_LARGE);
        assertThat(at.attachments().get(0).data()).hasSize(1000);
        assertThat(at.problems()).isEmpty();
    }

    @Test
    void stopsKeepingBytesWhenTheMessageAsAWholeIsTooLarge() {
        InboundParser small = new InboundParser(new InboundParser.Limits(1000, 200, 10, 1500));

        InboundMessage message = small.parse(withAttachments(new byte[800], new byte[800]));

        assertThat(message.attachments()).extracting(InboundAttachment::size).containsExactly(800L, 800L);
        assertThat(message.attachments().get(0).data()).hasSize(800);
        assertThat(message.attachments().get(1).data()).isNull();
        assertThat(message.problems()).containsExactly(InboundParser.TOO_MUCH_DATA);
    }

    @Test
    void stopsDescendingAfterTooManyParts() {
        byte[][] files = new byte[250][];
        Arrays.fill(files, new byte[] {1, 2, 3});

        InboundMessage message = parser.parse(withAttachments(files));

        assertThat(message.problems()).containsExactly(InboundParser.TOO_MANY_PARTS);
        // the message and its multipart count as parts too
        assertThat(message.attachments()).hasSizeLessThan(200).isNotEmpty();
    }

    @Test
    void stopsDescendingIntoMultipartsNestedTooDeep() {
        byte[] deep = nested(15);

        InboundMessage limited = parser.parse(deep);
        InboundMessage generous = new InboundParser(new InboundParser.Limits(1000, 200, 20, 60_000)).parse(deep);

        assertThat(limited.problems()).containsExactly(InboundParser.NESTING_TOO_DEEP);
        assertThat(limited.attachments()).isEmpty();
        assertThat(generous.problems()).isEmpty();
        assertThat(generous.attachments())
                .extracting(InboundAttachment::fileName)
                .containsExactly(FILE_RU);
    }

    @Test
    void decodesLongBase64AttachmentsWithJunkInTheLines() {
        byte[] data = new byte[300_000];
        new Random(7).nextBytes(data);
        String junk = MailCorpus.base64(data, 113).replace("\r\n", " \t\r\n").replace("AB", "A!B");

        InboundMessage message = parser.parse(message(
                "application/pdf",
                "attachment; filename=\"x.pdf\"",
                "base64",
                junk.getBytes(StandardCharsets.US_ASCII)));

        assertThat(message.attachments().get(0).data()).isEqualTo(data);
    }

    @Test
    void cutsVeryLongTextsAndSaysSo() {
        String text = "Анкета ".repeat(20_000);

        InboundMessage message =
                parser.parse(message("text/plain; charset=utf-8", null, "8bit", text.getBytes(StandardCharsets.UTF_8)));

        assertThat(message.text()).hasSize(InboundParser.MAX_TEXT_CHARS).startsWith("Анкета Анкета");
        assertThat(message.problems()).containsExactly(InboundParser.TEXT_TRUNCATED);
    }

    @Test
    void readsItsLimitsFromPropertiesInBytesOrWithAUnit() {
        assertThat(new InboundParser("5MB", 50, 4, "1048576", AuthenticationResults.trustingNone()).limits())
                .isEqualTo(new InboundParser.Limits(5L * 1024 * 1024, 50, 4, 1024 * 1024));
        assertThat(new InboundParser().limits())
                .isEqualTo(new InboundParser.Limits(10L * 1024 * 1024, 200, 10, 60L * 1024 * 1024));
    }

    @Test
    void languageFollowsContentLanguageThenTheLettersUsed() {
        assertThat(InboundText.language("en-US", "Анкета", "")).isEqualTo(Language.EN);
        assertThat(InboundText.language(null, "Questionnaire", "Здравствуйте")).isEqualTo(Language.RU);
        assertThat(InboundText.language(null, "Questionnaire", "Hello")).isEqualTo(Language.EN);
        assertThat(InboundText.language(null, "", "12345")).isEqualTo(Language.RU);
    }

    @Test
    void outOfOfficeSuppressionAloneIsNotAnAutoReply() {
        byte[] raw = ("From: maria@example.ru\r\nSubject: Hello\r\nX-Auto-Response-Suppress: All\r\n"
                        + "Auto-Submitted: no\r\n\r\nHello")
                .getBytes(StandardCharsets.US_ASCII);

        assertThat(parser.parse(raw).automatic()).isEqualTo(Automatic.NONE);
    }

    @Test
    void anEmptyReturnPathMarksAnAutomaticMessage() {
        byte[] raw = ("Return-Path: <>\r\nFrom: robot@example.ru\r\nSubject: Hello\r\n\r\nHello")
                .getBytes(StandardCharsets.US_ASCII);

        assertThat(parser.parse(raw).automatic()).isEqualTo(Automatic.AUTO_REPLY);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static byte[] withAttachment(byte[] data) {
        return withAttachments(data);
    }

    private static byte[] withAttachments(byte[]... files) {
        StringBuilder raw = new StringBuilder("From: maria@example.ru\r\nSubject: test\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n");
        for (byte[] file : files) {
            raw.append("--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename*=UTF-8''")
                    .append(MailCorpus.rfc2231(FILE_RU, StandardCharsets.UTF_8))
                    .append("\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                    .append(MailCorpus.base64(file, 76));
        }
        return raw.append("--b--\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] nested(int levels) {
        StringBuilder raw = new StringBuilder("From: maria@example.ru\r\nSubject: deep\r\nMIME-Version: 1.0\r\n");
        for (int i = 0; i < levels; i++) {
            raw.append("Content-Type: multipart/mixed; boundary=\"b")
                    .append(i)
                    .append("\"\r\n\r\n--b")
                    .append(i)
                    .append("\r\n");
        }
        raw.append("Content-Type: application/pdf\r\nContent-Disposition: attachment; filename*=UTF-8''")
                .append(MailCorpus.rfc2231(FILE_RU, StandardCharsets.UTF_8))
                .append("\r\nContent-Transfer-Encoding: base64\r\n\r\n")
                .append(MailCorpus.base64(FILLED_RU, 76));
        for (int i = levels - 1; i >= 0; i--) {
            raw.append("\r\n--b").append(i).append("--\r\n");
        }
        return raw.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] message(String contentType, String disposition, String encoding, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String headers = "From: maria@example.ru\r\nSubject: test\r\nMIME-Version: 1.0\r\nContent-Type: "
                + "multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: " + contentType + "\r\n"
                + (disposition == null ? "" : "Content-Disposition: " + disposition + "\r\n")
                + "Content-Transfer-Encoding: " + encoding + "\r\n\r\n";
        out.writeBytes(headers.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        out.writeBytes("\r\n--b--\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] pdf(String title) {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            doc.getDocumentInformation().setTitle(title);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encryptedPdf() {
        try (PDDocument doc = new PDDocument()) {
            doc.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
