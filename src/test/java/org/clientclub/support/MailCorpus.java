package org.clientclub.support;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.clientclub.shared.Language;

/**
 * E-mails as they reach the club mailbox, built byte by byte the way real mailers write them (Outlook, Apple Mail,
 * Yandex and mail.ru web mail, Russian legacy charsets, mail servers' bounces), each with what the intake should
 * do with it. The questionnaire PDFs come from the caller, so the same corpus serves the parser's facts and the
 * intake's decisions.
 */
public final class MailCorpus {

    /** The attachment limit {@link #all} builds its oversized case against when given none. */
    public static final long DEFAULT_ATTACHMENT_LIMIT = 10L * 1024 * 1024;

    public static final String CLUB = "ilove@clientclub.local";
    public static final String SUBJECT_RU = "Анкета участника клуба";
    public static final String TEXT_RU =
            "Здравствуйте! Высылаю заполненную анкету участника клуба. С уважением, Мария Иванова";
    public static final String FILE_RU = "Анкета.pdf";
    public static final String SUBJECT_EN = "Club membership questionnaire";
    public static final String TEXT_EN =
            "Hello, please find my filled questionnaire attached. Kind regards, John Smith";
    public static final String FILE_EN = "questionnaire.pdf";
    /** Apple Mail sends file names decomposed (Ё as Е + U+0308); this is the composed form readers expect back. */
    public static final String FILE_APPLE = "Анкета_Ёлкина.pdf";

    public static final Charset KOI8_R = Charset.forName("KOI8-R");
    public static final Charset CP1251 = Charset.forName("windows-1251");

    public static final Set<String> REASONS = Set.of(
            "noAttachment",
            "severalQuestionnaires",
            "notOurQuestionnaire",
            "encryptedPdf",
            "corruptPdf",
            "attachmentTooLarge",
            "consentMissing",
            "blankQuestionnaire",
            "autoReply",
            "bounce",
            "readReceipt",
            "mailingList",
            "noReply",
            "bulk",
            "forgedSender");

    /** @param reason null for ONBOARDING and TRANSCRIPTION, else one of {@link #REASONS} */
    public record Case(String name, byte[] raw, Expected expected, String reason) {
        public Case {
            if ((expected == Expected.REJECTED || expected == Expected.IGNORED) != (reason != null)
                    || (reason != null && !REASONS.contains(reason))) {
                throw new IllegalArgumentException(name + ": " + expected + " with reason " + reason);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    public enum Expected {
        ONBOARDING,
        TRANSCRIPTION,
        REJECTED,
        IGNORED
    }

    private MailCorpus() {}

    public static List<Case> all(
            Function<Language, byte[]> filledPdf,
            Function<Language, byte[]> filledPdfWithoutConsent,
            byte[] scannedPdf,
            byte[] encryptedPdf,
            byte[] foreignFormPdf,
            byte[] blankFormPdf) {
        return all(
                DEFAULT_ATTACHMENT_LIMIT,
                filledPdf,
                filledPdfWithoutConsent,
                scannedPdf,
                encryptedPdf,
                foreignFormPdf,
                blankFormPdf);
    }

    /** @param attachmentLimit the oversized case carries a PDF one byte over this */
    public static List<Case> all(
            long attachmentLimit,
            Function<Language, byte[]> filledPdf,
            Function<Language, byte[]> filledPdfWithoutConsent,
            byte[] scannedPdf,
            byte[] encryptedPdf,
            byte[] foreignFormPdf,
            byte[] blankFormPdf) {
        byte[] ru = filledPdf.apply(Language.RU);
        byte[] en = filledPdf.apply(Language.EN);
        List<Case> cases = new ArrayList<>();

        cases.add(onboarding(
                "utf8-8bit-rfc2231-name",
                mixed(
                        "utf8-8bit-rfc2231-name",
                        b(SUBJECT_RU, UTF8),
                        UTF8,
                        textPart("text/plain; charset=UTF-8", "8bit", TEXT_RU.getBytes(UTF8)),
                        pdf("application/pdf", "attachment; filename*=UTF-8''" + rfc2231(FILE_RU, UTF8), ru))));

        cases.add(onboarding(
                "koi8r-declared-qp",
                mixed(
                        "koi8r-declared-qp",
                        b(SUBJECT_RU, KOI8_R),
                        KOI8_R,
                        textPart("text/plain; charset=koi8-r", "quoted-printable", qp(TEXT_RU.getBytes(KOI8_R))),
                        pdf("application/pdf; name=\"" + b(FILE_RU, KOI8_R) + "\"", "attachment", ru))));

        cases.add(onboarding(
                "cp1251-declared-8bit",
                mixed(
                        "cp1251-declared-8bit",
                        q(SUBJECT_RU, CP1251),
                        CP1251,
                        textPart("text/plain; charset=\"windows-1251\"", "8bit", TEXT_RU.getBytes(CP1251)),
                        pdf(
                                "application/octet-stream",
                                "attachment; filename*=windows-1251''" + rfc2231(FILE_RU, CP1251),
                                ru))));

        // Old Russian mailers: no charset anywhere, raw 8-bit subject and file name.
        cases.add(onboarding(
                "koi8r-undeclared",
                mixed(
                        "koi8r-undeclared",
                        SUBJECT_RU,
                        KOI8_R,
                        textPart("text/plain", "8bit", TEXT_RU.getBytes(KOI8_R)),
                        attachment(
                                "application/pdf; name=\"" + FILE_RU + "\"",
                                "attachment; filename=\"" + FILE_RU + "\"",
                                ru,
                                KOI8_R))));

        cases.add(onboarding(
                "cp1251-undeclared",
                mixed(
                        "cp1251-undeclared",
                        SUBJECT_RU,
                        CP1251,
                        textPart(null, null, TEXT_RU.getBytes(CP1251)),
                        attachment("application/pdf", "attachment; filename=\"" + FILE_RU + "\"", ru, CP1251))));

        // SMTPUTF8 mailers write UTF-8 straight into the headers.
        cases.add(onboarding(
                "utf8-raw-headers",
                mixed(
                        "utf8-raw-headers",
                        SUBJECT_RU,
                        UTF8,
                        textPart("text/plain; charset=utf-8", "8bit", TEXT_RU.getBytes(UTF8)),
                        pdf("application/pdf", "attachment; filename=\"" + FILE_RU + "\"", ru))));

        // A Q-encoded subject whose UTF-8 letter is split across two encoded words (some web mailers do this).
        byte[] subjectBytes = SUBJECT_RU.getBytes(UTF8);
        String splitSubject = "=?UTF-8?Q?" + qWord(Arrays.copyOfRange(subjectBytes, 0, 3)) + "?=\r\n =?UTF-8?Q?"
                + qWord(Arrays.copyOfRange(subjectBytes, 3, subjectBytes.length)) + "?=";
        cases.add(onboarding(
                "q-subject-split-qp-body",
                mixed(
                        "q-subject-split-qp-body",
                        splitSubject,
                        UTF8,
                        textPart(
                                "text/plain; charset=utf-8",
                                "quoted-printable",
                                qp((TEXT_RU + " " + TEXT_RU + " " + TEXT_RU).getBytes(UTF8))),
                        pdf("application/pdf; name=\"" + q(FILE_RU, UTF8) + "\"", "attachment", ru))));

        // Base64 with over-long lines, trailing blanks and a blank line: readers accept it, so must we.
        String junkBase64 = base64(ru, 100).replace("\r\n", "  \r\n").replaceFirst("\r\n", "\r\n\r\n");
        cases.add(onboarding(
                "base64-text-and-junk-lines",
                mixed(
                        "base64-text-and-junk-lines",
                        b(SUBJECT_RU, UTF8),
                        UTF8,
                        textPart(
                                "text/plain; charset=utf-8",
                                "base64",
                                base64(TEXT_RU.getBytes(UTF8), 76).getBytes(ASCII)),
                        rawPart(
                                "Content-Type: application/pdf; name=\"" + b(FILE_RU, UTF8) + "\"\r\n"
                                        + "Content-Disposition: attachment\r\nContent-Transfer-Encoding: base64\r\n",
                                junkBase64))));

        String encoded = rfc2231(FILE_RU, UTF8);
        cases.add(onboarding(
                "rfc2231-continuations",
                mixed(
                        "rfc2231-continuations",
                        b(SUBJECT_RU, UTF8),
                        UTF8,
                        textPart("text/plain; charset=utf-8", "8bit", TEXT_RU.getBytes(UTF8)),
                        pdf(
                                "application/pdf",
                                "attachment;\r\n filename*0*=UTF-8''" + encoded.substring(0, 18)
                                        + ";\r\n filename*1*=" + encoded.substring(18, 36) + ";\r\n filename*2=\""
                                        + encoded.substring(36).replace("%", "") + "\"",
                                ru))));

        cases.add(onboarding("outlook", outlook(ru)));
        cases.add(onboarding("apple-mail", appleMail(ru)));
        cases.add(onboarding("nested-related-inline-image", nested(ru)));

        cases.add(onboarding(
                "english-sender",
                message(
                        "english-sender",
                        "John Smith <john.smith@example.com>",
                        SUBJECT_EN,
                        ASCII,
                        "Auto-Submitted: no\r\n",
                        multipart(
                                "mixed",
                                "b-en",
                                textPart("text/plain; charset=us-ascii", "7bit", TEXT_EN.getBytes(ASCII)),
                                pdf(
                                        "application/pdf; name=\"" + FILE_EN + "\"",
                                        "attachment; filename=\"" + FILE_EN + "\"",
                                        en)))));

        String htmlEn = "<html><body><p>Hello,</p><p>my questionnaire is attached.<br>John</p></body></html>";
        cases.add(onboarding(
                "html-only-content-language-en",
                message(
                        "html-only-content-language-en",
                        "john.smith@example.com",
                        "Questionnaire",
                        ASCII,
                        "Content-Language: en-GB\r\n",
                        multipart(
                                "mixed",
                                "b-html",
                                textPart("text/html; charset=utf-8", "quoted-printable", qp(htmlEn.getBytes(UTF8))),
                                pdf("application/pdf", "attachment; filename=\"" + FILE_EN + "\"", en)))));

        cases.add(onboarding("forwarded-rfc822", forwarded("forwarded-rfc822", ru, false)));
        cases.add(onboarding("eml-attachment", forwarded("eml-attachment", ru, true)));
        cases.add(onboarding("multipart-signed", signed(ru)));
        cases.add(onboarding(
                "pdf-and-unrelated-photo",
                simple(
                        "pdf-and-unrelated-photo",
                        pdf("application/pdf", "attachment; filename=\"" + FILE_RU + "\"", ru),
                        pdf("image/jpeg; name=\"IMG_0001.jpg\"", "attachment; filename=\"IMG_0001.jpg\"", jpeg()))));
        cases.add(onboarding(
                "pdf-without-name-inline", simple("pdf-without-name-inline", pdf("application/pdf", "inline", ru))));
        cases.add(onboarding(
                "missing-message-id",
                without(
                        "Message-ID",
                        simple(
                                "missing-message-id",
                                pdf("application/pdf", "attachment; filename=\"" + FILE_RU + "\"", ru)))));
        cases.add(onboarding(
                "reply-to-only",
                without(
                        "From",
                        simple(
                                "reply-to-only",
                                pdf("application/pdf", "attachment; filename=\"" + FILE_RU + "\"", ru)))));

        cases.add(rejected(
                "text-only",
                "noAttachment",
                message(
                        "text-only",
                        "maria@example.ru",
                        b(SUBJECT_RU, UTF8),
                        UTF8,
                        "",
                        textPart(
                                "text/plain; charset=utf-8",
                                "8bit",
                                "Здравствуйте! Как вступить в клуб?".getBytes(UTF8)))));
        cases.add(rejected(
                "docx-only",
                "noAttachment",
                simple(
                        "docx-only",
                        pdf(
                                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                "attachment; filename=\"" + b("Анкета.docx", UTF8) + "\"",
                                docx()))));
        cases.add(rejected(
                "winmail-dat-only",
                "noAttachment",
                simple(
                        "winmail-dat-only",
                        pdf(
                                "application/ms-tnef; name=\"winmail.dat\"",
                                "attachment; filename=\"winmail.dat\"",
                                tnef()))));
        cases.add(rejected(
                "two-filled-pdfs",
                "severalQuestionnaires",
                simple(
                        "two-filled-pdfs",
                        pdf("application/pdf", "attachment; filename=\"" + FILE_RU + "\"", ru),
                        pdf(
                                "application/pdf",
                                "attachment; filename=\"Анкета мужа.pdf\"",
                                filledPdf.apply(Language.RU)))));
        cases.add(transcription(
                "scanned-pdf",
                simple("scanned-pdf", pdf("application/pdf", "attachment; filename=\"scan0001.pdf\"", scannedPdf))));
        cases.add(transcription(
                "jpeg-photo-of-form",
                simple(
                        "jpeg-photo-of-form",
                        pdf("image/jpeg", "attachment; filename=\"" + b("Фото анкеты.jpg", UTF8) + "\"", photo()))));
        cases.add(rejected(
                "encrypted-pdf",
                "encryptedPdf",
                simple(
                        "encrypted-pdf",
                        pdf("application/pdf", "attachment; filename=\"" + FILE_RU + "\"", encryptedPdf))));
        cases.add(rejected(
                "truncated-pdf",
                "corruptPdf",
                simple(
                        "truncated-pdf",
                        pdf(
                                "application/pdf",
                                "attachment; filename=\"" + FILE_RU + "\"",
                                Arrays.copyOf(ru, ru.length / 2)))));
        cases.add(rejected(
                "zero-byte-pdf",
                "corruptPdf",
                simple(
                        "zero-byte-pdf",
                        pdf("application/pdf", "attachment; filename=\"" + FILE_RU + "\"", new byte[0]))));
        cases.add(rejected(
                "foreign-form",
                "notOurQuestionnaire",
                simple(
                        "foreign-form",
                        pdf("application/pdf", "attachment; filename=\"Заявление.pdf\"", foreignFormPdf))));
        cases.add(rejected(
                "blank-form",
                "blankQuestionnaire",
                simple(
                        "blank-form",
                        pdf("application/pdf", "attachment; filename=\"" + FILE_RU + "\"", blankFormPdf))));
        cases.add(rejected(
                "no-consent",
                "consentMissing",
                simple(
                        "no-consent",
                        pdf(
                                "application/pdf",
                                "attachment; filename=\"" + FILE_RU + "\"",
                                filledPdfWithoutConsent.apply(Language.RU)))));
        byte[] oversized = Arrays.copyOf(ru, (int) attachmentLimit + 1); // a real PDF padded past the limit
        cases.add(rejected(
                "oversized-attachment",
                "attachmentTooLarge",
                simple(
                        "oversized-attachment",
                        pdf("application/pdf", "attachment; filename=\"" + FILE_RU + "\"", oversized))));

        cases.add(ignored(
                "out-of-office",
                "autoReply",
                message(
                        "out-of-office",
                        "boss@example.ru",
                        "Out of Office: " + SUBJECT_EN,
                        ASCII,
                        "Auto-Submitted: auto-replied\r\n" + "X-Auto-Response-Suppress: All\r\n",
                        textPart(
                                "text/plain; charset=us-ascii",
                                "7bit",
                                "I am out of the office until Monday.".getBytes(ASCII)))));
        cases.add(ignored(
                "avtootvet-x-autoreply",
                "autoReply",
                message(
                        "avtootvet-x-autoreply",
                        "maria@yandex.ru",
                        b("Автоответ: " + SUBJECT_RU, UTF8),
                        UTF8,
                        "X-Autoreply: yes\r\n",
                        textPart("text/plain; charset=utf-8", "8bit", "Я в отпуске до 1 марта.".getBytes(UTF8)))));
        cases.add(ignored(
                "auto-reply-subject-only",
                "autoReply",
                message(
                        "auto-reply-subject-only",
                        "help@example.com",
                        "Auto-reply: " + SUBJECT_EN,
                        ASCII,
                        "",
                        textPart("text/plain", "7bit", "Thank you for your message.".getBytes(ASCII)))));
        cases.add(ignored(
                "precedence-bulk-with-pdf",
                "bulk",
                message(
                        "precedence-bulk-with-pdf",
                        "news@shop.example.ru",
                        b("Каталог недели", UTF8),
                        UTF8,
                        "Precedence: bulk\r\n" + "List-Unsubscribe: <mailto:unsubscribe@shop.example.ru>\r\n",
                        multipart(
                                "mixed",
                                "b-bulk",
                                textPart("text/plain; charset=utf-8", "8bit", "Новые товары недели".getBytes(UTF8)),
                                pdf("application/pdf", "attachment; filename=\"catalog.pdf\"", ru)))));
        cases.add(ignored("dsn-delivery-status", "bounce", dsn(ru)));
        cases.add(ignored("mailer-daemon-with-original", "bounce", mailerDaemon(ru)));
        cases.add(ignored("read-receipt", "readReceipt", readReceipt()));
        // Robots that the club once answered with a rejection (issue 14): none of them may get a reply.
        cases.add(ignored(
                "outlook-read-subject-only",
                "readReceipt",
                message(
                        "outlook-read-subject-only",
                        "m.ivanova@example.ru",
                        "Read: " + SUBJECT_EN,
                        ASCII,
                        "",
                        textPart(
                                "text/plain; charset=us-ascii",
                                "7bit",
                                "Your message was read on Monday.".getBytes(ASCII)))));
        cases.add(ignored(
                "majordomo-robot",
                "mailingList",
                message(
                        "majordomo-robot",
                        "Majordomo@lists.example.ru",
                        "Majordomo results",
                        ASCII,
                        "",
                        textPart(
                                "text/plain; charset=us-ascii",
                                "7bit",
                                "**** Command 'anketa' not recognized.".getBytes(ASCII)))));
        cases.add(ignored(
                "list-request-robot",
                "mailingList",
                message(
                        "list-request-robot",
                        "club-news-request@lists.example.ru",
                        "Confirm your subscription",
                        ASCII,
                        "",
                        textPart("text/plain; charset=us-ascii", "7bit", "Reply to confirm.".getBytes(ASCII)))));
        cases.add(ignored(
                "noreply-sender",
                "noReply",
                message(
                        "noreply-sender",
                        "Shop <no-reply@shop.example.ru>",
                        b("Ваш заказ отправлен", UTF8),
                        UTF8,
                        "",
                        textPart(
                                "text/plain; charset=utf-8",
                                "8bit",
                                "Заказ 1234 передан в доставку.".getBytes(UTF8)))));
        cases.add(ignored(
                "list-id-discussion",
                "bulk",
                message(
                        "list-id-discussion",
                        "Anna <anna@example.ru>",
                        b("Re: встреча клуба", UTF8),
                        UTF8,
                        "List-Id: Club friends <friends.lists.example.ru>\r\n"
                                + "List-Post: <mailto:friends@lists.example.ru>\r\n",
                        textPart("text/plain; charset=utf-8", "8bit", "Я приду!".getBytes(UTF8)))));
        // A trusted server (the test configuration trusts mail.clientclub.local) found the From forged.
        cases.add(ignored(
                "forged-dmarc-fail",
                "forgedSender",
                message(
                        "forged-dmarc-fail",
                        "victim@example.ru",
                        b(SUBJECT_RU, UTF8),
                        UTF8,
                        "Authentication-Results: mail.clientclub.local;\r\n"
                                + "\tspf=fail (sender IP is 203.0.113.9) smtp.mailfrom=example.ru;\r\n"
                                + "\tdkim=none; dmarc=fail (p=reject) header.from=example.ru\r\n",
                        textPart("text/plain; charset=utf-8", "8bit", TEXT_RU.getBytes(UTF8)))));

        cases.add(rejected("garbage-not-mime", "noAttachment", garbage()));
        return List.copyOf(cases);
    }

    // --- cases that need more than the common shapes -------------------------------------------------------------

    private static byte[] outlook(byte[] pdf) {
        String text = TEXT_RU + "\r\n\r\n-- \r\nМария";
        String html =
                "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"></head>"
                        + "<body><p class=MsoNormal>" + TEXT_RU + "</p></body></html>";
        Raw body = multipart(
                "mixed",
                "_004_VI1PR0701MB2_",
                multipart(
                        "alternative",
                        "_000_VI1PR0701MB2_",
                        textPart("text/plain; charset=\"windows-1251\"", "quoted-printable", qp(text.getBytes(CP1251))),
                        textPart("text/html; charset=\"windows-1251\"", "quoted-printable", qp(html.getBytes(CP1251)))),
                rawPart(
                        "Content-Type: application/pdf; name=\"" + b(FILE_RU, CP1251) + "\"\r\n"
                                + "Content-Description: " + b(FILE_RU, CP1251) + "\r\n"
                                + "Content-Disposition: attachment; filename=\"" + b(FILE_RU, CP1251) + "\"; size="
                                + pdf.length + ";\r\n\tcreation-date=\"Mon, 02 Feb 2026 07:10:11 GMT\";\r\n"
                                + "\tmodification-date=\"Mon, 02 Feb 2026 07:10:11 GMT\"\r\n"
                                + "Content-Transfer-Encoding: base64\r\n",
                        base64(pdf, 76)));
        return message(
                "outlook",
                "=?windows-1251?B?" + b64("Иванова Мария", CP1251) + "?= <m.ivanova@example.ru>",
                b(SUBJECT_RU, CP1251),
                CP1251,
                "Thread-Topic: " + b(SUBJECT_RU, CP1251) + "\r\n"
                        + "Thread-Index: AdmFoo1234567890abcdef==\r\nContent-Language: ru-RU\r\n"
                        + "X-MS-Has-Attach: yes\r\nX-MS-TNEF-Correlator:\r\nX-Auto-Response-Suppress: All\r\n"
                        + "X-Mailer: Microsoft Outlook 16.0\r\n",
                body);
    }

    private static byte[] appleMail(byte[] pdf) {
        String decomposed = Normalizer.normalize(FILE_APPLE, Normalizer.Form.NFD);
        Raw body = multipart(
                "mixed",
                "Apple-Mail=_8C5B9A3E-1F2A-4C3B-9D8E-0123456789AB",
                textPart("text/plain;\r\n\tcharset=utf-8", "quoted-printable", qp(TEXT_RU.getBytes(UTF8))),
                rawPart(
                        "Content-Disposition: inline;\r\n\tfilename*=utf-8''" + rfc2231(decomposed, UTF8) + "\r\n"
                                + "Content-Type: application/pdf;\r\n\tx-unix-mode=0644;\r\n\tname=\""
                                + q(decomposed, UTF8) + "\"\r\nContent-Transfer-Encoding: base64\r\n",
                        base64(pdf, 76)),
                textPart("text/plain;\r\n\tcharset=us-ascii", "7bit", "\r\n".getBytes(ASCII)));
        return message(
                "apple-mail",
                "=?utf-8?Q?" + qWord("Юлия Ёлкина".getBytes(UTF8)) + "?= <yulia@icloud.com>",
                b(SUBJECT_RU, UTF8),
                UTF8,
                "X-Mailer: Apple Mail (2.3774.300.61.1.2)\r\n",
                body);
    }

    private static byte[] nested(byte[] pdf) {
        String html = "<html><body><p>" + TEXT_RU + "</p><img src=\"cid:logo@example.ru\"></body></html>";
        Raw body = multipart(
                "mixed",
                "outer",
                multipart(
                        "alternative",
                        "alt",
                        textPart("text/plain; charset=utf-8", "8bit", TEXT_RU.getBytes(UTF8)),
                        multipart(
                                "related",
                                "rel",
                                textPart("text/html; charset=utf-8", "8bit", html.getBytes(UTF8)),
                                rawPart(
                                        "Content-Type: image/png\r\nContent-ID: <logo@example.ru>\r\n"
                                                + "Content-Disposition: inline\r\nContent-Transfer-Encoding: base64\r\n",
                                        base64(png(), 76)))),
                pdf("application/pdf; name=\"" + b(FILE_RU, UTF8) + "\"", null, pdf));
        return message("nested-related-inline-image", "maria@example.ru", b(SUBJECT_RU, UTF8), UTF8, "", body);
    }

    private static byte[] forwarded(String name, byte[] pdf, boolean asEmlFile) {
        byte[] original = message(
                name + "-original",
                "maria@example.ru",
                b(SUBJECT_RU, UTF8),
                UTF8,
                "",
                multipart(
                        "mixed",
                        "inner-" + name,
                        textPart("text/plain; charset=koi8-r", "8bit", TEXT_RU.getBytes(KOI8_R)),
                        pdf("application/pdf", "attachment; filename*=UTF-8''" + rfc2231(FILE_RU, UTF8), pdf)));
        Raw forwardedPart = asEmlFile
                ? rawPart(
                        "Content-Type: application/octet-stream; name=\"" + b("Анкета.eml", UTF8) + "\"\r\n"
                                + "Content-Disposition: attachment; filename=\"" + b("Анкета.eml", UTF8) + "\"\r\n"
                                + "Content-Transfer-Encoding: base64\r\n",
                        base64(original, 76))
                : new Raw()
                        .ascii("Content-Type: message/rfc822\r\nContent-Disposition: inline\r\n\r\n")
                        .bytes(original);
        return message(
                name,
                "husband@example.ru",
                b("Fwd: " + SUBJECT_RU, UTF8),
                UTF8,
                "",
                multipart(
                        "mixed",
                        "outer-" + name,
                        textPart("text/plain; charset=utf-8", "8bit", "Пересылаю анкету жены.".getBytes(UTF8)),
                        forwardedPart));
    }

    private static byte[] signed(byte[] pdf) {
        Raw body = multipart(
                "signed; protocol=\"application/pkcs7-signature\"; micalg=sha-256",
                "signed-b",
                multipart(
                        "mixed",
                        "signed-inner",
                        textPart(
                                "text/plain; charset=utf-8",
                                "base64",
                                base64(TEXT_RU.getBytes(UTF8), 76).getBytes(ASCII)),
                        pdf("application/pdf", "attachment; filename*=UTF-8''" + rfc2231(FILE_RU, UTF8), pdf)),
                pdf(
                        "application/pkcs7-signature; name=smime.p7s; smime-type=signed-data",
                        "attachment; filename=\"smime.p7s\"",
                        "not really a signature".getBytes(ASCII)));
        return message("multipart-signed", "maria@example.ru", b(SUBJECT_RU, UTF8), UTF8, "", body);
    }

    private static byte[] dsn(byte[] pdf) {
        byte[] original = message(
                "dsn-original",
                "ilove@clientclub.local",
                b(SUBJECT_RU, UTF8),
                UTF8,
                "",
                multipart(
                        "mixed",
                        "orig",
                        textPart("text/plain; charset=utf-8", "8bit", TEXT_RU.getBytes(UTF8)),
                        pdf("application/pdf", "attachment; filename=\"" + FILE_RU + "\"", pdf)));
        Raw body = multipart(
                "report; report-type=delivery-status",
                "dsn-b",
                textPart(
                        "text/plain; charset=us-ascii",
                        "7bit",
                        ("This is the mail system at host mx.example.ru.\r\n"
                                        + "I'm sorry to have to inform you that your message could not be delivered.")
                                .getBytes(ASCII)),
                rawPart(
                        "Content-Description: Delivery report\r\nContent-Type: message/delivery-status\r\n",
                        "Reporting-MTA: dns; mx.example.ru\r\n\r\nFinal-Recipient: rfc822; nobody@example.ru\r\n"
                                + "Action: failed\r\nStatus: 5.1.1\r\n"),
                new Raw()
                        .ascii("Content-Description: Undelivered Message\r\nContent-Type: message/rfc822\r\n\r\n")
                        .bytes(original));
        return message(
                "dsn-delivery-status",
                "MAILER-DAEMON@mx.example.ru (Mail Delivery System)",
                "Undelivered Mail Returned to Sender",
                ASCII,
                "Return-Path: <>\r\nAuto-Submitted: auto-replied\r\n",
                body);
    }

    private static byte[] mailerDaemon(byte[] pdf) {
        byte[] original = message(
                "exim-original",
                "ilove@clientclub.local",
                b(SUBJECT_RU, UTF8),
                UTF8,
                "",
                multipart(
                        "mixed",
                        "orig2",
                        textPart("text/plain; charset=utf-8", "8bit", TEXT_RU.getBytes(UTF8)),
                        pdf("application/pdf", "attachment; filename=\"" + FILE_RU + "\"", pdf)));
        Raw body = multipart(
                "mixed",
                "exim-b",
                textPart(
                        "text/plain; charset=us-ascii",
                        "7bit",
                        ("This message was created automatically by mail "
                                        + "delivery software.\r\nA message that you sent could not be delivered.")
                                .getBytes(ASCII)),
                new Raw().ascii("Content-Type: message/rfc822\r\n\r\n").bytes(original));
        return message(
                "mailer-daemon-with-original",
                "Mail Delivery System <Mailer-Daemon@mail.example.ru>",
                "Mail delivery failed: returning message to sender",
                ASCII,
                "Return-Path: <>\r\n",
                body);
    }

    private static byte[] readReceipt() {
        Raw body = multipart(
                "report; report-type=disposition-notification",
                "mdn-b",
                textPart("text/plain; charset=utf-8", "8bit", "Ваше сообщение было прочитано.".getBytes(UTF8)),
                rawPart(
                        "Content-Type: message/disposition-notification\r\n",
                        "Final-Recipient: rfc822; maria@example.ru\r\nDisposition: manual-action/MDN-sent-manually; displayed\r\n"));
        return message("read-receipt", "maria@example.ru", b("Прочитано: " + SUBJECT_RU, UTF8), UTF8, "", body);
    }

    /** Not an e-mail at all: what a broken upload or a misrouted binary looks like. */
    private static byte[] garbage() {
        byte[] bytes = new byte[3000];
        long seed = 42;
        for (int i = 0; i < bytes.length; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            bytes[i] = (byte) (seed >>> 56);
        }
        return bytes;
    }

    // --- common shapes -------------------------------------------------------------------------------------------

    /** A person's message: a Russian text part and the given attachments. */
    private static byte[] simple(String name, Raw... attachments) {
        Raw[] parts = new Raw[attachments.length + 1];
        parts[0] = textPart("text/plain; charset=utf-8", "8bit", TEXT_RU.getBytes(UTF8));
        System.arraycopy(attachments, 0, parts, 1, attachments.length);
        return message(
                name,
                "=?UTF-8?B?" + b64("Мария Иванова", UTF8) + "?= <maria@example.ru>",
                b(SUBJECT_RU, UTF8),
                UTF8,
                "",
                multipart("mixed", "b-" + name, parts));
    }

    private static byte[] mixed(String name, String subject, Charset headerCharset, Raw... parts) {
        return message(
                name,
                "=?UTF-8?B?" + b64("Мария Иванова", UTF8) + "?= <maria@example.ru>",
                subject,
                headerCharset,
                "",
                multipart("mixed", "b-" + name, parts));
    }

    /**
     * A whole message. Header text goes out in {@code headerCharset}, so a non-ASCII subject written here as plain
     * text becomes raw 8-bit header bytes, as old mailers send.
     */
    private static byte[] message(
            String name, String from, String subject, Charset headerCharset, String extraHeaders, Raw body) {
        Raw raw = new Raw();
        if (!extraHeaders.contains("Return-Path:")) {
            raw.ascii("Return-Path: <"
                    + (from.contains("<")
                            ? from.substring(from.indexOf('<') + 1, from.indexOf('>'))
                            : from.split(" ")[0])
                    + ">\r\n");
        }
        raw.ascii("Received: from mx.example.ru (mx.example.ru [192.0.2.10])\r\n\tby mail.clientclub.local"
                        + " with ESMTPS id 4Abc; Mon, 2 Feb 2026 10:15:02 +0300\r\n")
                .text("From: " + from + "\r\n", headerCharset)
                .ascii("Reply-To: " + (from.contains("<") ? from.substring(from.indexOf('<')) : from) + "\r\n")
                .ascii("To: Club <" + CLUB + ">\r\n")
                .text("Subject: " + subject + "\r\n", headerCharset)
                .ascii("Date: Mon, 2 Feb 2026 10:15:00 +0300\r\n")
                .ascii("Message-ID: <" + name + "@example.ru>\r\n")
                .ascii("MIME-Version: 1.0\r\n")
                .text(extraHeaders, headerCharset);
        return raw.bytes(body.toByteArray()).toByteArray();
    }

    /** Removes one header line (with its continuation lines) from a message. */
    private static byte[] without(String header, byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        String cut = text.replaceFirst("(?m)^" + header + ":[^\r\n]*\r\n([ \t][^\r\n]*\r\n)*", "");
        return cut.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A multipart body: its own Content-Type line, a blank line, then the parts between boundaries. */
    private static Raw multipart(String subtype, String boundary, Raw... parts) {
        Raw raw = new Raw()
                .ascii("Content-Type: multipart/" + subtype + ";\r\n\tboundary=\"" + boundary + "\"\r\n\r\n")
                .ascii("This is a multi-part message in MIME format.\r\n");
        for (Raw part : parts) {
            raw.ascii("\r\n--" + boundary + "\r\n").bytes(part.toByteArray());
        }
        return raw.ascii("\r\n--" + boundary + "--\r\n");
    }

    /** A text part; a null type leaves the Content-Type header out (then RFC 2045 says text/plain, US-ASCII). */
    private static Raw textPart(String contentType, String encoding, byte[] encodedBody) {
        Raw raw = new Raw();
        if (contentType != null) {
            raw.ascii("Content-Type: " + contentType + "\r\n");
        }
        if (encoding != null) {
            raw.ascii("Content-Transfer-Encoding: " + encoding + "\r\n");
        }
        return raw.ascii("\r\n").bytes(encodedBody);
    }

    /** A base64 attachment. Raw non-ASCII text in the header strings goes out as UTF-8, as SMTPUTF8 mailers send. */
    private static Raw pdf(String contentType, String disposition, byte[] data) {
        return attachment(contentType, disposition, data, UTF8);
    }

    private static Raw attachment(String contentType, String disposition, byte[] data, Charset headerCharset) {
        Raw raw = new Raw().text("Content-Type: " + contentType + "\r\n", headerCharset);
        if (disposition != null) {
            raw.text("Content-Disposition: " + disposition + "\r\n", headerCharset);
        }
        return raw.ascii("Content-Transfer-Encoding: base64\r\n\r\n").ascii(base64(data, 76));
    }

    private static Raw rawPart(String headers, String body) {
        return new Raw().ascii(headers).ascii("\r\n").ascii(body);
    }

    // --- encodings, written out by hand so each is what mailers send ---------------------------------------------

    static final Charset UTF8 = StandardCharsets.UTF_8;
    static final Charset ASCII = StandardCharsets.US_ASCII;

    /** RFC 2047 B encoded word. */
    /** A plain message from {@code from} to the club with one PDF attachment, for tests outside the corpus. */
    public static byte[] withPdf(String from, String messageId, String subject, byte[] pdf) {
        String raw = "From: " + from + "\r\nTo: " + CLUB + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + messageId
                + ">\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\n\r\nQuestionnaire attached\r\n--b\r\n"
                + "Content-Type: application/pdf; name=a.pdf\r\nContent-Disposition: attachment; filename=a.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + base64(pdf, 76) + "\r\n--b--\r\n";
        return raw.getBytes(StandardCharsets.US_ASCII);
    }

    public static String b(String text, Charset charset) {
        return "=?" + charset.name() + "?B?" + b64(text, charset) + "?=";
    }

    private static String b64(String text, Charset charset) {
        return Base64.getEncoder().encodeToString(text.getBytes(charset));
    }

    /** RFC 2047 Q encoded word. */
    public static String q(String text, Charset charset) {
        return "=?" + charset.name() + "?Q?" + qWord(text.getBytes(charset)) + "?=";
    }

    private static String qWord(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte value : bytes) {
            int b = value & 0xFF;
            if (b == ' ') {
                out.append('_');
            } else if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') || b == '.') {
                out.append((char) b);
            } else {
                out.append('=').append(String.format("%02X", b));
            }
        }
        return out.toString();
    }

    /** RFC 2231 value after the charset'language' prefix. */
    public static String rfc2231(String text, Charset charset) {
        StringBuilder out = new StringBuilder();
        for (byte value : text.getBytes(charset)) {
            int b = value & 0xFF;
            if ((b >= 'a' && b <= 'z')
                    || (b >= 'A' && b <= 'Z')
                    || (b >= '0' && b <= '9')
                    || b == '.'
                    || b == '-'
                    || b == '_') {
                out.append((char) b);
            } else {
                out.append('%').append(String.format("%02X", b));
            }
        }
        return out.toString();
    }

    /** Quoted-printable with hard line breaks kept and soft breaks before 76 characters. */
    public static byte[] qp(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int column = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                out.append("\r\n");
                column = 0;
                i++;
                continue;
            }
            boolean lineEnd = i + 1 == bytes.length || bytes[i + 1] == '\r';
            String token = (b >= 33 && b <= 126 && b != '=') || (b == ' ' && !lineEnd)
                    ? String.valueOf((char) b)
                    : String.format("=%02X", b);
            if (column + token.length() > 75) {
                out.append("=\r\n");
                column = 0;
            }
            out.append(token);
            column += token.length();
        }
        return out.toString().getBytes(ASCII);
    }

    public static String base64(byte[] data, int lineLength) {
        String flat = Base64.getEncoder().encodeToString(data);
        StringBuilder out = new StringBuilder(flat.length() + flat.length() / lineLength * 2 + 2);
        for (int i = 0; i < flat.length(); i += lineLength) {
            out.append(flat, i, Math.min(flat.length(), i + lineLength)).append("\r\n");
        }
        return out.toString();
    }

    // --- small stand-in files ------------------------------------------------------------------------------------

    public static byte[] jpeg() {
        return image("jpg");
    }

    /** A phone photo of a paper questionnaire: big and noisy, unlike a logo in a signature. */
    public static byte[] photo() {
        BufferedImage image = new BufferedImage(400, 560, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int grey = 200 + random.nextInt(56);
                image.setRGB(x, y, grey << 16 | grey << 8 | grey);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "jpg", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] png() {
        return image("png");
    }

    private static byte[] image(String format) {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(3, 3, 0xFF0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] docx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(docxEntry("[Content_Types].xml"));
            zip.write("<?xml version=\"1.0\"?><Types/>".getBytes(UTF8));
            zip.putNextEntry(docxEntry("word/document.xml"));
            zip.write(
                    "<w:document><w:body><w:p><w:r><w:t>Анкета</w:t></w:r></w:p></w:body></w:document>".getBytes(UTF8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** An entry dated the same every time: a message built twice has the same bytes, whenever the clock ticks. */
    private static ZipEntry docxEntry(String name) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(java.time.LocalDateTime.of(2026, 1, 1, 0, 0));
        return entry;
    }

    /** The first bytes of a TNEF stream (winmail.dat): its signature and a little of what follows. */
    public static byte[] tnef() {
        return new byte[] {0x78, (byte) 0x9F, 0x3E, 0x22, 0x01, 0x00, 0x01, 0x06, (byte) 0x90, 0x08, 0x00, 0x04, 0, 0, 0
        };
    }

    private static Case onboarding(String name, byte[] raw) {
        return new Case(name, raw, Expected.ONBOARDING, null);
    }

    private static Case transcription(String name, byte[] raw) {
        return new Case(name, raw, Expected.TRANSCRIPTION, null);
    }

    private static Case rejected(String name, String reason, byte[] raw) {
        return new Case(name, raw, Expected.REJECTED, reason);
    }

    private static Case ignored(String name, String reason, byte[] raw) {
        return new Case(name, raw, Expected.IGNORED, reason);
    }

    /** Bytes written exactly as given: ASCII lines, text in a chosen charset, or raw bytes. */
    private static final class Raw {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Raw ascii(String text) {
            return text(text, ASCII);
        }

        Raw text(String text, Charset charset) {
            out.writeBytes(text.getBytes(charset));
            return this;
        }

        Raw bytes(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}
