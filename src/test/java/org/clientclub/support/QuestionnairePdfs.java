package org.clientclub.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDCheckBox;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTerminalField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.clientclub.membership.ConsentDocument;
import org.clientclub.membership.Interest;
import org.clientclub.membership.Questionnaire;
import org.clientclub.membership.QuestionnaireField;
import org.clientclub.membership.Region;
import org.clientclub.membership.internal.pdf.QuestionnairePdf;
import org.clientclub.membership.internal.pdf.QuestionnairePdfContent;
import org.clientclub.membership.internal.pdf.QuestionnairePdfFields;
import org.clientclub.membership.internal.pdf.QuestionnairePdfReader;
import org.clientclub.membership.internal.pdf.ReadSlots;
import org.clientclub.shared.Language;
import org.clientclub.shared.i18n.IcuMessageSource;
import org.springframework.context.MessageSource;

/**
 * Questionnaire PDFs for tests, filled the ways members' viewers fill them, and the bad files the mailbox meets.
 * Everything works without a Spring context: {@link #generator()} and {@link #reader()} use the real message
 * bundles and a small fixed region list ({@link #REGIONS_RU}, {@link #REGIONS_EN}), consent version
 * {@link #CONSENT_VERSION}. A filled PDF's region must be one of those regions (e.g. "77", as
 * {@link TestQuestionnaires#adult} uses).
 */
public final class QuestionnairePdfs {

    public static final String MAILBOX = "ilove@clientclub.local";
    public static final int CONSENT_VERSION = 1;
    public static final List<Region> REGIONS_RU = List.of(
            new Region("22", "Алтайский край"),
            new Region("77", "Москва"),
            new Region("50", "Московская область"),
            new Region("78", "Санкт-Петербург"),
            new Region("14", "Республика Саха (Якутия)"));
    public static final List<Region> REGIONS_EN = List.of(
            new Region("22", "Altai Krai"),
            new Region("77", "Moscow"),
            new Region("50", "Moscow Oblast"),
            new Region("78", "Saint Petersburg"),
            new Region("14", "Sakha (Yakutia) Republic"));
    /** Distinctive phrases of the test consent text, to find it in the PDF's page text. */
    public static final String CONSENT_PHRASE_RU = "свободно, своей волей и в своем интересе";

    public static final String CONSENT_PHRASE_EN = "freely, of my own will and in my own interest";

    private static final String CONSENT_RU = """
            Я, заполняя анкету Клуба клиентов, свободно, своей волей и в своем интересе даю согласие оператору \
            Клуба клиентов на обработку моих персональных данных: фамилии, имени, отчества, адреса электронной \
            почты, номера телефона, даты рождения, региона и населенного пункта, почтового индекса отделения связи.

            Цель обработки: участие в Клубе клиентов — рассмотрение моих предложений, приглашения к опросам, \
            фокус-группам и собраниям Клуба, ведение карты лояльности, направление мне сообщений.

            Согласие действует до достижения целей обработки или до его отзыва.""";
    private static final String CONSENT_EN = """
            By filling in the Client Club questionnaire I freely, of my own will and in my own interest, consent \
            to the Client Club operator processing my personal data: last name, first name, patronymic, e-mail \
            address, phone number, date of birth, region and town, the postcode of my post office.

            The consent is valid until the purposes are achieved or until I withdraw it.""";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private QuestionnairePdfs() {}

    /** The application's message bundles, RU default and EN, read as UTF-8 like the application reads them. */
    public static MessageSource messages() {
        return new IcuMessageSource("messages");
    }

    public static QuestionnairePdfContent content() {
        return new QuestionnairePdfContent() {
            @Override
            public List<Region> regions(Language language) {
                return language == Language.EN ? REGIONS_EN : REGIONS_RU;
            }

            @Override
            public ConsentDocument currentConsent(Language language) {
                return language == Language.EN
                        ? new ConsentDocument(
                                CONSENT_VERSION, "en", "Consent to the processing of personal data", CONSENT_EN)
                        : new ConsentDocument(
                                CONSENT_VERSION, "ru", "Согласие на обработку персональных данных", CONSENT_RU);
            }
        };
    }

    public static QuestionnairePdf generator() {
        return new QuestionnairePdf(messages(), content(), MAILBOX);
    }

    public static QuestionnairePdfReader reader() {
        return reader(QuestionnairePdfReader.Limits.defaults());
    }

    /** A reader with other limits, and the application's default of two reads at once. */
    public static QuestionnairePdfReader reader(QuestionnairePdfReader.Limits limits) {
        return new QuestionnairePdfReader(content(), limits, new ReadSlots(2, Duration.ofSeconds(30)));
    }

    /** The questionnaire as downloaded, nothing filled in. */
    public static byte[] blank(QuestionnairePdf generator, Language language) {
        return generator.generate(language);
    }

    /**
     * Filled the normal way (values in /V, appearances drawn by PDFBox, Cyrillic included), saved and ready to
     * attach. The PDF is in the questionnaire's language (Russian if it has none).
     */
    public static byte[] filled(QuestionnairePdf generator, Questionnaire q, boolean consent) {
        return filled(generator, pdfLanguage(q), q, consent);
    }

    public static byte[] filled(QuestionnairePdf generator, Language pdfLanguage, Questionnaire q, boolean consent) {
        return edit(generator.generate(pdfLanguage), document -> fill(document, pdfLanguage, q, consent));
    }

    /** Fills a blank downloaded once ({@link #blank}): many questionnaires without generating the form each time. */
    public static byte[] filledFrom(byte[] blank, Language pdfLanguage, Questionnaire q, boolean consent) {
        return edit(blank, document -> fill(document, pdfLanguage, q, consent));
    }

    /**
     * Filled, then /V removed from every field, as some viewers save: only the appearance streams show the text
     * and only /AS shows which checkboxes and radio buttons are on.
     */
    public static byte[] appearanceOnly(QuestionnairePdf generator, Questionnaire q, boolean consent) {
        return edit(filled(generator, q, consent), QuestionnairePdfs::dropValues);
    }

    /** Filled and then flattened: the text is on the page, the form fields are gone. */
    public static byte[] flattened(QuestionnairePdf generator, Questionnaire q, boolean consent) {
        return edit(
                filled(generator, q, consent),
                document -> document.getDocumentCatalog().getAcroForm().flatten());
    }

    /** Filled and then encrypted with a user password (AES-256), so it cannot be opened without it. */
    public static byte[] encrypted(QuestionnairePdf generator, Questionnaire q, boolean consent, String userPassword) {
        return edit(filled(generator, q, consent), document -> {
            StandardProtectionPolicy policy =
                    new StandardProtectionPolicy("owner-" + userPassword, userPassword, new AccessPermission());
            policy.setEncryptionKeyLength(256);
            document.protect(policy);
        });
    }

    /** A scan or photo: one page with an image and no text or fields. */
    public static byte[] imageOnly() {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            BufferedImage scan = new BufferedImage(200, 280, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = scan.createGraphics();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, 200, 280);
            g.setColor(Color.DARK_GRAY);
            for (int y = 20; y < 260; y += 20) {
                g.drawLine(20, y, 180, y);
            }
            g.dispose();
            PDImageXObject image = LosslessFactory.createFromImage(document, scan);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawImage(image, 50, 250, 400, 560);
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Someone else's fillable form, filled in. */
    public static byte[] foreignForm() {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDAcroForm form = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(form);
            PDResources resources = new PDResources();
            String font = resources
                    .add(new PDType1Font(Standard14Fonts.FontName.HELVETICA))
                    .getName();
            form.setDefaultResources(resources);
            form.setDefaultAppearance("/" + font + " 10 Tf 0 g");
            List<PDField> fields = new ArrayList<>();
            for (String name : List.of("applicant", "lastName", "taxNumber")) {
                PDTextField field = new PDTextField(form);
                field.setPartialName(name);
                PDAnnotationWidget widget = field.getWidgets().get(0);
                widget.setRectangle(new PDRectangle(50, 700 - 30 * fields.size(), 200, 18));
                widget.setPage(page);
                page.getAnnotations().add(widget);
                fields.add(field);
            }
            form.setFields(fields);
            for (PDField field : fields) {
                field.setValue("Smith");
            }
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first part of a file, as a broken transfer leaves it. */
    public static byte[] truncated(byte[] pdf) {
        return Arrays.copyOf(pdf, pdf.length / 2);
    }

    /** A minimal, valid one-page PDF with {@code count} extra objects in its cross-reference table. */
    public static byte[] manyObjects(int count) {
        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        List<String> objects = new ArrayList<>(List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"));
        for (int i = 0; i < count; i++) {
            objects.add("<< /N " + i + " >>");
        }
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.length());
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f\r\n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n\r\n", offset));
        }
        pdf.append("trailer\n<< /Size ")
                .append(objects.size() + 1)
                .append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref)
                .append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * An appearance-only questionnaire whose last-name appearance stream is a Flate stream that inflates to
     * {@code inflatedBytes} of zeros (a decompression bomb); the file itself stays small.
     */
    public static byte[] appearanceBomb(QuestionnairePdf generator, Questionnaire q, long inflatedBytes) {
        return edit(appearanceOnly(generator, q, true), document -> {
            PDField field = document.getDocumentCatalog().getAcroForm().getField(QuestionnaireField.LAST_NAME.key());
            PDAnnotationWidget widget = ((PDTerminalField) field).getWidgets().get(0);
            COSStream bomb = document.getDocument().createCOSStream();
            try (OutputStream raw = bomb.createRawOutputStream()) {
                raw.write(HostilePdfs.deflatedZeros(inflatedBytes));
            }
            bomb.setItem(COSName.FILTER, COSName.FLATE_DECODE);
            PDAppearanceStream appearance = new PDAppearanceStream(bomb);
            appearance.setBBox(widget.getRectangle().createRetranslatedRectangle());
            PDAppearanceDictionary dictionary = new PDAppearanceDictionary();
            dictionary.setNormalAppearance(appearance);
            widget.setAppearance(dictionary);
        });
    }

    /**
     * A one-page PDF whose catalog sits in a Flate object stream padded to inflate to {@code inflatedBytes}: PDFBox
     * would inflate it in memory while loading.
     */
    public static byte[] objectStreamBomb(long inflatedBytes) {
        try {
            String objects = "<< /Type /Catalog /Pages 2 0 R >>";
            String header = "1 0 ";
            ByteArrayOutputStream compressed = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflate =
                    new DeflaterOutputStream(compressed, new Deflater(Deflater.BEST_COMPRESSION))) {
                deflate.write((header + objects).getBytes(StandardCharsets.US_ASCII));
                byte[] spaces = new byte[1 << 20];
                Arrays.fill(spaces, (byte) ' ');
                for (long written = 0; written < inflatedBytes; written += spaces.length) {
                    deflate.write(spaces, 0, (int) Math.min(spaces.length, inflatedBytes - written));
                }
            }
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            List<Integer> offsets = new ArrayList<>();
            pdf.write("%PDF-1.5\n".getBytes(StandardCharsets.US_ASCII));
            offsets.add(pdf.size());
            pdf.write(
                    "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n".getBytes(StandardCharsets.US_ASCII));
            offsets.add(pdf.size());
            pdf.write("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n"
                    .getBytes(StandardCharsets.US_ASCII));
            offsets.add(pdf.size());
            pdf.write(("4 0 obj\n<< /Type /ObjStm /N 1 /First " + header.length() + " /Filter /FlateDecode /Length "
                            + compressed.size() + " >>\nstream\n")
                    .getBytes(StandardCharsets.US_ASCII));
            pdf.write(compressed.toByteArray());
            pdf.write("\nendstream\nendobj\n".getBytes(StandardCharsets.US_ASCII));
            // A cross-reference stream that puts the catalog (object 1) in the object stream (object 4).
            offsets.add(pdf.size());
            ByteArrayOutputStream entries = new ByteArrayOutputStream();
            entry(entries, 0, 0, 65535);
            entry(entries, 2, 4, 0);
            for (int offset : offsets) {
                entry(entries, 1, offset, 0);
            }
            pdf.write(("5 0 obj\n<< /Type /XRef /Size 6 /W [1 4 2] /Root 1 0 R /Length " + entries.size()
                            + " >>\nstream\n")
                    .getBytes(StandardCharsets.US_ASCII));
            pdf.write(entries.toByteArray());
            pdf.write(("\nendstream\nendobj\nstartxref\n" + offsets.get(offsets.size() - 1) + "\n%%EOF\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entry(ByteArrayOutputStream out, int type, long field2, int field3) {
        out.write(type);
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (field2 >> shift) & 0xFF);
        }
        out.write(field3 >> 8 & 0xFF);
        out.write(field3 & 0xFF);
    }

    private static Language pdfLanguage(Questionnaire q) {
        return q.language() == null ? Language.RU : q.language();
    }

    private static void fill(PDDocument document, Language pdfLanguage, Questionnaire q, boolean consent)
            throws IOException {
        PDAcroForm form = document.getDocumentCatalog().getAcroForm();
        text(form, QuestionnaireField.LAST_NAME, q.lastName());
        text(form, QuestionnaireField.FIRST_NAME, q.firstName());
        text(form, QuestionnaireField.PATRONYMIC, q.patronymic());
        text(form, QuestionnaireField.EMAIL, q.email());
        text(form, QuestionnaireField.PHONE, q.phone());
        text(form, QuestionnaireField.BIRTH_DATE, q.birthDate() == null ? null : DATE.format(q.birthDate()));
        if (q.regionCode() != null) {
            List<Region> regions = pdfLanguage == Language.EN ? REGIONS_EN : REGIONS_RU;
            String name = regions.stream()
                    .filter(r -> r.code().equals(q.regionCode()))
                    .map(Region::name)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("No test region " + q.regionCode()));
            form.getField(QuestionnaireField.REGION.key()).setValue(name);
        }
        text(form, QuestionnaireField.TOWN, q.town());
        text(form, QuestionnaireField.POSTCODE, q.postcode());
        for (Interest interest : q.interests()) {
            ((PDCheckBox) form.getField(QuestionnairePdfFields.interest(interest))).check();
        }
        if (q.language() != null) {
            form.getField(QuestionnaireField.LANGUAGE.key()).setValue(QuestionnairePdfFields.language(q.language()));
        }
        if (q.readyForInteraction() != null) {
            form.getField(QuestionnaireField.READY_FOR_INTERACTION.key())
                    .setValue(q.readyForInteraction() ? QuestionnairePdfFields.YES : QuestionnairePdfFields.NO);
        }
        text(form, QuestionnaireField.GUARDIAN_EMAIL, q.guardianEmail());
        if (consent) {
            ((PDCheckBox) form.getField(QuestionnairePdfFields.CONSENT_FIELD)).check();
        }
    }

    private static void text(PDAcroForm form, QuestionnaireField field, String value) throws IOException {
        if (value != null) {
            form.getField(field.key()).setValue(value);
        }
    }

    private static void dropValues(PDDocument document) {
        for (PDField field : document.getDocumentCatalog().getAcroForm().getFieldTree()) {
            field.getCOSObject().removeItem(COSName.V);
        }
    }

    interface Edit {
        void apply(PDDocument document) throws IOException;
    }

    static byte[] edit(byte[] pdf, Edit edit) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            edit.apply(document);
            return save(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
