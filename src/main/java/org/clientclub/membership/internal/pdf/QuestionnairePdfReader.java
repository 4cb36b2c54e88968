package org.clientclub.membership.internal.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDNonTerminalField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTerminalField;
import org.clientclub.membership.Interest;
import org.clientclub.membership.Questionnaire;
import org.clientclub.membership.QuestionnaireField;
import org.clientclub.membership.Region;
import org.clientclub.shared.Language;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads a filled questionnaire PDF back into a {@link Questionnaire}, or says why it cannot. The file comes from
 * anyone's e-mail, so every limit is checked before the work it guards and no exception leaves {@link #read}:
 * each failure is a {@link PdfReading} with a reason code. Business rules are not checked here; the
 * questionnaire validator does that for every channel alike.
 */
@Component
public class QuestionnairePdfReader {

    private static final Logger log = LoggerFactory.getLogger(QuestionnairePdfReader.class);
    private static final int MAX_VALUE_LENGTH = 1000;
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
                    DateTimeFormatter.ofPattern("d.M.uuuu"), DateTimeFormatter.ofPattern("uuuu-M-d"),
                    DateTimeFormatter.ofPattern("d/M/uuuu"), DateTimeFormatter.ofPattern("d-M-uuuu"))
            .stream()
            .map(f -> f.withResolverStyle(ResolverStyle.STRICT))
            .toList();

    /**
     * @param maxBytes            larger input is rejected as {@code tooComplex} before parsing (the caller may check
     *                            the attachment size earlier and keep the file for staff)
     * @param maxObjects          more objects in the cross-reference table: {@code tooComplex}
     * @param maxDecodedBytes     total bytes the reader lets streams inflate to, across object streams, appearance
     *                            streams and the fonts they use; a decompression bomb stops here as {@code tooComplex}
     * @param maxFields           more form fields: {@code tooComplex}
     */
    public record Limits(long maxBytes, int maxObjects, long maxDecodedBytes, int maxFields) {

        public static Limits defaults() {
            return new Limits(10L * 1024 * 1024, 20_000, 32L * 1024 * 1024, 1_000);
        }
    }

    private final QuestionnairePdfContent content;
    private final Limits limits;
    private final ReadSlots slots;

    public QuestionnairePdfReader(QuestionnairePdfContent content, Limits limits, ReadSlots slots) {
        this.content = content;
        this.limits = limits;
        this.slots = slots;
    }

    @Autowired
    public QuestionnairePdfReader(
            QuestionnairePdfContent content,
            @Value("${clientclub.questionnaire-pdf.max-bytes:10485760}") long maxBytes,
            @Value("${clientclub.questionnaire-pdf.max-objects:20000}") int maxObjects,
            @Value("${clientclub.questionnaire-pdf.max-decoded-bytes:33554432}") long maxDecodedBytes,
            @Value("${clientclub.questionnaire-pdf.max-fields:1000}") int maxFields,
            @Value("${clientclub.questionnaire-pdf.max-concurrent-reads:2}") int maxConcurrentReads,
            @Value("${clientclub.questionnaire-pdf.slot-wait:PT30S}") Duration slotWait) {
        this(
                content,
                new Limits(maxBytes, maxObjects, maxDecodedBytes, maxFields),
                new ReadSlots(maxConcurrentReads, slotWait));
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Reads in one of the node's {@link ReadSlots}, so that however many messages arrive at once, only so many PDFs
     * are in memory together.
     *
     * @throws ReadSlots.Busy when no slot came free in time; the only exception that leaves this method
     */
    public PdfReading read(byte[] pdf) {
        return slots.run(() -> readInSlot(pdf));
    }

    private PdfReading readInSlot(byte[] pdf) {
        try {
            return readChecked(pdf);
        } catch (BoundedStreams.LimitExceeded e) {
            log.debug("PDF over a limit: {}", e.getMessage());
            return new PdfReading.Rejected(PdfReading.TOO_COMPLEX);
        } catch (StackOverflowError e) {
            // Deeply nested objects: a structure no questionnaire has.
            return new PdfReading.Rejected(PdfReading.TOO_COMPLEX);
        } catch (IOException | RuntimeException e) {
            log.debug("PDF not readable", e);
            return new PdfReading.Rejected(PdfReading.CORRUPT);
        }
    }

    private PdfReading readChecked(byte[] pdf) throws IOException {
        if (pdf == null || pdf.length == 0) {
            return new PdfReading.Rejected(PdfReading.CORRUPT);
        }
        if (pdf.length > limits.maxBytes()) {
            return new PdfReading.Rejected(PdfReading.TOO_COMPLEX);
        }
        // PDFBox repairs what it can, and would turn a truncated file into a few pages without a form; a file cut
        // short is damaged in transit, and the member should send it again rather than have staff transcribe it.
        if (!hasHeaderAndEnd(pdf)) {
            return new PdfReading.Rejected(PdfReading.CORRUPT);
        }
        BoundedStreams.checkStructureStreams(pdf, limits.maxDecodedBytes());
        BoundedPdfParser.Loaded loaded;
        try {
            loaded = BoundedPdfParser.load(
                    pdf, MemoryUsageSetting.setupMainMemoryOnly(limits.maxDecodedBytes()).streamCache);
        } catch (InvalidPasswordException e) {
            return new PdfReading.Rejected(PdfReading.ENCRYPTED);
        } catch (IOException e) {
            log.debug("PDF not loadable", e);
            boolean encrypted = new String(pdf, StandardCharsets.ISO_8859_1).contains("/Encrypt");
            return new PdfReading.Rejected(encrypted ? PdfReading.ENCRYPTED : PdfReading.CORRUPT);
        }
        try (PDDocument document = loaded.document()) {
            PdfReading reading = readDocument(document);
            // PDFBox parses leniently and may have swallowed the parser's limit, leaving objects out.
            return loaded.parser().exceeded() ? new PdfReading.Rejected(PdfReading.TOO_COMPLEX) : reading;
        }
    }

    private PdfReading readDocument(PDDocument document) throws IOException {
        if (document.getDocument().getXrefTable().size() > limits.maxObjects()) {
            return new PdfReading.Rejected(PdfReading.TOO_COMPLEX);
        }
        if (document.isEncrypted() && !document.getCurrentAccessPermission().canExtractContent()) {
            return new PdfReading.Rejected(PdfReading.ENCRYPTED);
        }
        // No fix-ups: PDFBox's default would build fields from stray widgets and redraw appearances.
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        List<PDTerminalField> fields = form == null ? List.of() : terminalFields(form);
        if (fields.isEmpty()) {
            return new PdfReading.NeedsTranscription(PdfReading.NO_FORM_FIELDS);
        }
        FieldValues extraction = new FieldValues(form, new BoundedStreams(limits.maxDecodedBytes()));
        Map<String, String> values = new LinkedHashMap<>();
        for (PDTerminalField field : fields) {
            String value = extraction.value(field);
            if (value != null && !value.isBlank()) {
                values.put(field.getFullyQualifiedName(), clip(value.strip()));
            }
        }
        Map<String, String> info = info(document);
        if (!isOurs(values, fields, info)) {
            return new PdfReading.Rejected(PdfReading.NOT_OUR_QUESTIONNAIRE);
        }
        if (isBlank(values)) {
            return new PdfReading.Rejected(PdfReading.BLANK);
        }
        return filled(values, info);
    }

    private static boolean hasHeaderAndEnd(byte[] pdf) {
        String head = new String(pdf, 0, Math.min(pdf.length, 1024), StandardCharsets.ISO_8859_1);
        int tailFrom = Math.max(0, pdf.length - 1024);
        String tail = new String(pdf, tailFrom, pdf.length - tailFrom, StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-") && tail.contains("%%EOF");
    }

    /** Terminal fields, walked by hand so that a cyclic or enormous field tree stops at the limit. */
    private List<PDTerminalField> terminalFields(PDAcroForm form) {
        List<PDTerminalField> terminals = new java.util.ArrayList<>();
        Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<PDField> queue = new ArrayDeque<>(form.getFields());
        int visited = 0;
        while (!queue.isEmpty()) {
            PDField field = queue.poll();
            if (field == null || !seen.add(field.getCOSObject())) {
                continue;
            }
            if (++visited > limits.maxFields()) {
                throw new BoundedStreams.LimitExceeded("too many form fields");
            }
            if (field instanceof PDNonTerminalField parent) {
                queue.addAll(parent.getChildren());
            } else if (field instanceof PDTerminalField terminal) {
                terminals.add(terminal);
            }
        }
        return terminals;
    }

    private static Map<String, String> info(PDDocument document) {
        Map<String, String> info = new HashMap<>();
        var information = document.getDocumentInformation();
        for (String key : List.of(QuestionnairePdfFields.INFO_FORM, QuestionnairePdfFields.INFO_CONSENT_VERSION)) {
            String value = information.getCustomMetadataValue(key);
            if (value != null) {
                info.put(key, value.strip());
            }
        }
        return info;
    }

    /**
     * Ours if the hidden marker field says so; failing that (a viewer that drops hidden fields), if the document
     * information says so and most questionnaire fields are there by name.
     */
    private static boolean isOurs(Map<String, String> values, List<PDTerminalField> fields, Map<String, String> info) {
        if (QuestionnairePdfFields.MARKER_VALUE.equals(values.get(QuestionnairePdfFields.MARKER_FIELD))) {
            return true;
        }
        if (!QuestionnairePdfFields.MARKER_VALUE.equals(info.get(QuestionnairePdfFields.INFO_FORM))) {
            return false;
        }
        long known = 0;
        for (QuestionnaireField definition : QuestionnaireField.values()) {
            if (fields.stream()
                    .map(PDField::getFullyQualifiedName)
                    .anyMatch(name -> name.equals(definition.key()) || name.startsWith(definition.key() + "."))) {
                known++;
            }
        }
        return known * 2 > QuestionnaireField.values().length;
    }

    private static boolean isBlank(Map<String, String> values) {
        for (QuestionnaireField definition : QuestionnaireField.values()) {
            for (String name : values.keySet()) {
                if (name.equals(definition.key()) || name.startsWith(definition.key() + ".")) {
                    return false;
                }
            }
        }
        return true;
    }

    private PdfReading.Filled filled(Map<String, String> values, Map<String, String> info) {
        Set<Interest> interests = EnumSet.noneOf(Interest.class);
        for (Interest interest : Interest.values()) {
            if (isOn(values.get(QuestionnairePdfFields.interest(interest)))) {
                interests.add(interest);
            }
        }
        Questionnaire questionnaire = new Questionnaire(
                text(values, QuestionnaireField.LAST_NAME),
                text(values, QuestionnaireField.FIRST_NAME),
                text(values, QuestionnaireField.PATRONYMIC),
                text(values, QuestionnaireField.EMAIL),
                text(values, QuestionnaireField.PHONE),
                date(text(values, QuestionnaireField.BIRTH_DATE)),
                region(text(values, QuestionnaireField.REGION)),
                text(values, QuestionnaireField.TOWN),
                text(values, QuestionnaireField.POSTCODE),
                interests,
                Optional.ofNullable(language(text(values, QuestionnaireField.LANGUAGE)))
                        .orElseGet(() -> language(values.get(QuestionnairePdfFields.FORM_LANGUAGE_FIELD))),
                yesNo(text(values, QuestionnaireField.READY_FOR_INTERACTION)),
                text(values, QuestionnaireField.GUARDIAN_EMAIL));
        String version = values.getOrDefault(
                QuestionnairePdfFields.CONSENT_VERSION_FIELD, info.get(QuestionnairePdfFields.INFO_CONSENT_VERSION));
        return new PdfReading.Filled(
                questionnaire, isOn(values.get(QuestionnairePdfFields.CONSENT_FIELD)), integer(version), values);
    }

    private static String text(Map<String, String> values, QuestionnaireField field) {
        String value = values.get(field.key());
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean isOn(String value) {
        return value != null && !value.isBlank() && !"Off".equalsIgnoreCase(value);
    }

    private static int integer(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Lenient: people type dates the way they are used to; what cannot be read is left for the validator. */
    static LocalDate date(String value) {
        if (value == null) {
            return null;
        }
        String compact = value.replaceAll("\\s+", "");
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(compact, format);
            } catch (DateTimeParseException e) {
                // try the next format
            }
        }
        return null;
    }

    /** A region chosen by name in either language, or typed as its code; anything else is kept for the validator. */
    private String region(String value) {
        if (value == null) {
            return null;
        }
        String wanted = normalise(value);
        for (Language language : Language.values()) {
            for (Region region : content.regions(language)) {
                if (region.code().equalsIgnoreCase(value.strip())
                        || normalise(region.name()).equals(wanted)) {
                    return region.code();
                }
            }
        }
        return value.strip();
    }

    private static String normalise(String value) {
        return value.strip()
                .replaceAll("\\s+", " ")
                .replace('ё', 'е')
                .replace('Ё', 'Е')
                .toLowerCase(Locale.ROOT);
    }

    private static Language language(String value) {
        if (value == null) {
            return null;
        }
        return switch (normalise(value)) {
            case "ru", "русский", "russian" -> Language.RU;
            case "en", "english", "английский" -> Language.EN;
            default -> null;
        };
    }

    private static Boolean yesNo(String value) {
        if (value == null) {
            return null;
        }
        return switch (normalise(value)) {
            case "yes", "да", "true", "on", "1" -> Boolean.TRUE;
            case "no", "нет", "false", "0" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String clip(String value) {
        return value.length() > MAX_VALUE_LENGTH ? value.substring(0, MAX_VALUE_LENGTH) : value;
    }
}
