package org.clientclub.membership.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDColor;
import org.apache.pdfbox.pdmodel.graphics.color.PDDeviceRGB;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceCharacteristicsDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDCheckBox;
import org.apache.pdfbox.pdmodel.interactive.form.PDComboBox;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDNonTerminalField;
import org.apache.pdfbox.pdmodel.interactive.form.PDRadioButton;
import org.apache.pdfbox.pdmodel.interactive.form.PDTerminalField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.clientclub.membership.ConsentDocument;
import org.clientclub.membership.Interest;
import org.clientclub.membership.QuestionnaireField;
import org.clientclub.membership.Region;
import org.clientclub.shared.Language;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The questionnaire as a fillable PDF (AcroForm) for members who prefer paper or a PDF viewer: fill in, save,
 * e-mail it to the club mailbox. The fields come from {@link QuestionnaireField}, the same definition the web form
 * uses, so a new field appears in both. {@link QuestionnairePdfReader} reads a filled copy back.
 */
@Component
public class QuestionnairePdf {

    private static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 50;
    private static final float TITLE_SIZE = 16;
    private static final float TEXT_SIZE = 10;
    private static final float LEADING = 1.35f;
    private static final float FIELD_HEIGHT = 18;
    private static final float FIELD_WIDTH = 300;
    private static final float BOX = 12;
    private static final PDColor BORDER = new PDColor(new float[] {0.45f, 0.45f, 0.45f}, PDDeviceRGB.INSTANCE);
    private static final PDColor BACKGROUND = new PDColor(new float[] {0.94f, 0.96f, 1f}, PDDeviceRGB.INSTANCE);

    private final MessageSource messages;
    private final QuestionnairePdfContent content;
    private final String clubMailbox;

    public QuestionnairePdf(
            MessageSource messages,
            QuestionnairePdfContent content,
            @Value("${clientclub.club-mailbox}") String clubMailbox) {
        this.messages = messages;
        this.content = content;
        this.clubMailbox = clubMailbox;
    }

    public byte[] generate(Language language) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            write(language, out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not generate the questionnaire PDF", e);
        }
        return out.toByteArray();
    }

    public void write(Language language, OutputStream out) throws IOException {
        ConsentDocument consent = content.currentConsent(language);
        try (PDDocument document = new PDDocument()) {
            new Builder(document, language, consent).build();
            document.save(out);
        }
    }

    /** The club mailbox the PDF tells members to send it to. */
    public String clubMailbox() {
        return clubMailbox;
    }

    private String message(Language language, String key, Object... args) {
        return messages.getMessage(key, args, language.locale());
    }

    /** One document's worth of layout state: the page being written and how far down it is. */
    private final class Builder {

        private final PDDocument document;
        private final Language language;
        private final ConsentDocument consent;
        private final PDAcroForm form;
        private final PDType0Font font;
        private final String fontName;
        private final List<PDField> fields = new ArrayList<>();
        private final float width = PDRectangle.A4.getWidth() - 2 * MARGIN;
        private PDPage page;
        private PDPageContentStream text;
        private float y;

        Builder(PDDocument document, Language language, ConsentDocument consent) throws IOException {
            this.document = document;
            this.language = language;
            this.consent = consent;
            this.form = new PDAcroForm(document);
            document.getDocumentCatalog().setAcroForm(form);
            // Not a subset: viewers (and PDFBox when filling) must be able to draw any Cyrillic value the member
            // types into a field, so the whole font travels with the form. The page text uses the same font.
            try (InputStream ttf = QuestionnairePdf.class.getResourceAsStream(FONT_RESOURCE)) {
                if (ttf == null) {
                    throw new IOException("PDFBox's Liberation Sans is missing from the class path");
                }
                this.font = PDType0Font.load(document, ttf, false);
            }
            PDResources resources = new PDResources();
            this.fontName = resources.add(font).getName();
            form.setDefaultResources(resources);
            form.setDefaultAppearance(appearance(TEXT_SIZE));
        }

        void build() throws IOException {
            info();
            newPage();
            paragraph(message(language, "questionnaire.pdf.title"), TITLE_SIZE);
            gap(4);
            paragraph(message(language, "questionnaire.pdf.instructions", clubMailbox), TEXT_SIZE);
            paragraph(message(language, "questionnaire.pdf.required"), TEXT_SIZE);
            gap(8);
            for (QuestionnaireField field : QuestionnaireField.values()) {
                add(field);
            }
            consent();
            gap(8);
            paragraph(message(language, "questionnaire.pdf.send", clubMailbox), TEXT_SIZE);
            markers();
            text.close();
            form.setFields(fields);
            // Blank appearances for the text and choice fields, so every viewer shows the boxes.
            form.refreshAppearances();
        }

        private void info() {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(message(language, "questionnaire.pdf.title"));
            info.setCreator("Client Club");
            info.setCreationDate(Calendar.getInstance());
            info.setCustomMetadataValue(QuestionnairePdfFields.INFO_FORM, QuestionnairePdfFields.MARKER_VALUE);
            info.setCustomMetadataValue(
                    QuestionnairePdfFields.INFO_CONSENT_VERSION, Integer.toString(consent.version()));
            document.getDocumentCatalog().setLanguage(language.code());
        }

        private void add(QuestionnaireField field) throws IOException {
            String label = message(language, field.labelKey()) + (field.required() ? " *" : "");
            switch (field.type()) {
                case REGION -> {
                    labelLine(label);
                    ensure(FIELD_HEIGHT + 8);
                    PDComboBox box = new PDComboBox(form);
                    box.setPartialName(field.key());
                    box.setOptions(
                            content.regions(language).stream().map(Region::name).toList());
                    textLike(box, field, label, rect(MARGIN, FIELD_WIDTH));
                    fields.add(box);
                    gap(FIELD_HEIGHT + 8);
                }
                case INTERESTS -> {
                    labelLine(label);
                    List<PDField> kids = new ArrayList<>();
                    PDNonTerminalField group = new PDNonTerminalField(form);
                    group.setPartialName(field.key());
                    for (Interest interest : Interest.values()) {
                        ensure(BOX + 6);
                        PDCheckBox box = new PDCheckBox(form);
                        box.setPartialName(interest.name());
                        String choice = message(language, "interest." + interest.name());
                        box.setAlternateFieldName(choice);
                        button(box.getWidgets().get(0), MARGIN, QuestionnairePdfFields.CHECKED, false);
                        box.getCOSObject().setItem(COSName.PARENT, group);
                        show(choice, MARGIN + BOX + 6, y - BOX + 2, TEXT_SIZE);
                        kids.add(box);
                        gap(BOX + 6);
                    }
                    group.setChildren(kids);
                    fields.add(group);
                    gap(4);
                }
                case LANGUAGE ->
                    radio(
                            field,
                            label,
                            List.of(
                                    new Choice(
                                            QuestionnairePdfFields.language(Language.RU),
                                            message(language, "language.ru")),
                                    new Choice(
                                            QuestionnairePdfFields.language(Language.EN),
                                            message(language, "language.en"))));
                case YES_NO ->
                    radio(
                            field,
                            label,
                            List.of(
                                    new Choice(QuestionnairePdfFields.YES, message(language, "join.ready.yes")),
                                    new Choice(QuestionnairePdfFields.NO, message(language, "join.ready.no"))));
                // Names, e-mail, phone, town, postcode, the birth date and any type added later: one line of text.
                default -> {
                    labelLine(label);
                    ensure(FIELD_HEIGHT + 8);
                    PDTextField box = new PDTextField(form);
                    box.setPartialName(field.key());
                    box.setMaxLen(field.maxLength());
                    textLike(box, field, label, rect(MARGIN, FIELD_WIDTH));
                    String hint = hint(field);
                    if (hint != null) {
                        show(hint, MARGIN + FIELD_WIDTH + 8, y - FIELD_HEIGHT + 5, TEXT_SIZE);
                    }
                    fields.add(box);
                    gap(FIELD_HEIGHT + 8);
                }
            }
        }

        private String hint(QuestionnaireField field) {
            return switch (field.type()) {
                case DATE -> message(language, "questionnaire.pdf.hint.date");
                case POSTCODE -> message(language, "questionnaire.pdf.hint.postcode");
                default ->
                    field == QuestionnaireField.GUARDIAN_EMAIL
                            ? message(language, "questionnaire.pdf.hint.guardian")
                            : null;
            };
        }

        private record Choice(String onState, String label) {}

        private void radio(QuestionnaireField field, String label, List<Choice> choices) throws IOException {
            for (String line : wrap(label, TEXT_SIZE, width)) {
                labelLine(line);
            }
            ensure(BOX + 10);
            PDRadioButton radio = new PDRadioButton(form);
            radio.setPartialName(field.key());
            radio.setAlternateFieldName(message(language, field.labelKey()));
            List<PDAnnotationWidget> widgets = new ArrayList<>();
            float x = MARGIN;
            for (Choice choice : choices) {
                PDAnnotationWidget widget = new PDAnnotationWidget();
                button(widget, x, choice.onState(), true);
                widget.getCOSObject().setItem(COSName.PARENT, radio);
                show(choice.label(), x + BOX + 6, y - BOX + 2, TEXT_SIZE);
                widgets.add(widget);
                x += BOX + 12 + font.getStringWidth(choice.label()) / 1000 * TEXT_SIZE + 24;
            }
            radio.setWidgets(widgets);
            fields.add(radio);
            gap(BOX + 10);
        }

        private void consent() throws IOException {
            newPage();
            paragraph(consent.title(), TITLE_SIZE - 2);
            gap(4);
            for (String paragraph : consent.body().split("\\R")) {
                if (paragraph.isBlank()) {
                    gap(TEXT_SIZE * 0.6f);
                } else {
                    paragraph(paragraph, TEXT_SIZE);
                }
            }
            gap(10);
            List<String> lines =
                    wrap(message(language, "join.consent.accept", consent.version()), TEXT_SIZE, width - BOX - 6);
            ensure(lines.size() * TEXT_SIZE * LEADING + 6);
            PDCheckBox box = new PDCheckBox(form);
            box.setPartialName(QuestionnairePdfFields.CONSENT_FIELD);
            box.setAlternateFieldName(String.join(" ", lines));
            button(box.getWidgets().get(0), MARGIN, QuestionnairePdfFields.CHECKED, false);
            fields.add(box);
            float lineY = y - BOX + 2;
            for (String line : lines) {
                show(line, MARGIN + BOX + 6, lineY, TEXT_SIZE);
                lineY -= TEXT_SIZE * LEADING;
            }
            gap(lines.size() * TEXT_SIZE * LEADING + 6);
        }

        /** Hidden, read-only fields marking the document as the club's questionnaire, consent version N, language L. */
        private void markers() throws IOException {
            PDNonTerminalField group = new PDNonTerminalField(form);
            group.setPartialName("clientclub");
            List<PDField> kids = new ArrayList<>();
            kids.add(marker(group, QuestionnairePdfFields.MARKER_FIELD, QuestionnairePdfFields.MARKER_VALUE));
            kids.add(marker(group, QuestionnairePdfFields.CONSENT_VERSION_FIELD, Integer.toString(consent.version())));
            kids.add(marker(group, QuestionnairePdfFields.FORM_LANGUAGE_FIELD, language.code()));
            group.setChildren(kids);
            fields.add(group);
        }

        private PDTextField marker(PDNonTerminalField group, String qualifiedName, String value) throws IOException {
            PDTextField marker = new PDTextField(form);
            marker.setPartialName(qualifiedName.substring(qualifiedName.indexOf('.') + 1));
            marker.setDefaultAppearance(appearance(6));
            marker.setReadOnly(true);
            marker.getCOSObject().setItem(COSName.PARENT, group);
            PDAnnotationWidget widget = marker.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(MARGIN, 8, 120, 10));
            widget.setHidden(true);
            widget.setPage(page);
            page.getAnnotations().add(widget);
            // Set on the dictionary here; the appearance stream is drawn by refreshAppearances with the rest.
            marker.getCOSObject().setString(COSName.V, value);
            return marker;
        }

        private void textLike(PDTerminalField field, QuestionnaireField definition, String label, PDRectangle rect)
                throws IOException {
            field.setAlternateFieldName(label);
            if (field instanceof PDTextField text) {
                text.setDefaultAppearance(appearance(TEXT_SIZE));
            } else if (field instanceof PDComboBox combo) {
                combo.setDefaultAppearance(appearance(TEXT_SIZE));
            }
            field.setRequired(definition.required() && definition != QuestionnaireField.GUARDIAN_EMAIL);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setAppearanceCharacteristics(place(widget, rect));
            PDBorderStyleDictionary border = new PDBorderStyleDictionary();
            border.setWidth(1);
            widget.setBorderStyle(border);
            page.getAnnotations().add(widget);
        }

        /**
         * A checkbox or radio widget with its own drawn appearances (a tick or a dot), because PDFBox does not
         * draw buttons and a viewer shows nothing without them.
         */
        private void button(PDAnnotationWidget widget, float x, String onState, boolean round) throws IOException {
            PDAppearanceCharacteristicsDictionary looks = place(widget, new PDRectangle(x, y - BOX, BOX, BOX));
            // ZapfDingbats "4" (tick) and "l" (dot): what viewers draw if they rebuild the appearance themselves.
            looks.setNormalCaption(round ? "l" : "4");
            widget.setAppearanceCharacteristics(looks);
            COSDictionary normal = new COSDictionary();
            normal.setItem(COSName.getPDFName(onState), buttonAppearance(true, round));
            normal.setItem(COSName.Off, buttonAppearance(false, round));
            PDAppearanceDictionary appearance = new PDAppearanceDictionary();
            appearance.getCOSObject().setItem(COSName.N, normal);
            widget.setAppearance(appearance);
            widget.setAppearanceState(COSName.Off.getName());
            page.getAnnotations().add(widget);
        }

        /** Puts a printed widget on the page; @return its looks (the form's border and background), to set on it */
        private PDAppearanceCharacteristicsDictionary place(PDAnnotationWidget widget, PDRectangle rect) {
            widget.setRectangle(rect);
            widget.setPage(page);
            widget.setPrinted(true);
            PDAppearanceCharacteristicsDictionary looks =
                    new PDAppearanceCharacteristicsDictionary(new COSDictionary());
            looks.setBorderColour(BORDER);
            looks.setBackground(BACKGROUND);
            return looks;
        }

        private PDAppearanceStream buttonAppearance(boolean on, boolean round) throws IOException {
            PDAppearanceStream stream = new PDAppearanceStream(document);
            stream.setBBox(new PDRectangle(BOX, BOX));
            stream.setResources(new PDResources());
            try (PDPageContentStream draw = new PDPageContentStream(document, stream)) {
                draw.setNonStrokingColor(BACKGROUND);
                draw.setStrokingColor(BORDER);
                if (round) {
                    circle(draw, BOX / 2, BOX / 2, BOX / 2 - 0.5f);
                    draw.fillAndStroke();
                } else {
                    draw.addRect(0.5f, 0.5f, BOX - 1, BOX - 1);
                    draw.fillAndStroke();
                }
                if (on) {
                    draw.setNonStrokingColor(0f, 0f, 0f);
                    draw.setStrokingColor(0f, 0f, 0f);
                    if (round) {
                        circle(draw, BOX / 2, BOX / 2, BOX / 4);
                        draw.fill();
                    } else {
                        draw.setLineWidth(1.5f);
                        draw.moveTo(2.5f, 6.5f);
                        draw.lineTo(5f, 3f);
                        draw.lineTo(9.5f, 9.5f);
                        draw.stroke();
                    }
                }
            }
            return stream;
        }

        private void circle(PDPageContentStream draw, float cx, float cy, float r) throws IOException {
            float k = 0.552f * r;
            draw.moveTo(cx + r, cy);
            draw.curveTo(cx + r, cy + k, cx + k, cy + r, cx, cy + r);
            draw.curveTo(cx - k, cy + r, cx - r, cy + k, cx - r, cy);
            draw.curveTo(cx - r, cy - k, cx - k, cy - r, cx, cy - r);
            draw.curveTo(cx + k, cy - r, cx + r, cy - k, cx + r, cy);
            draw.closePath();
        }

        private String appearance(float size) {
            return "/" + fontName + " " + size + " Tf 0 g";
        }

        private PDRectangle rect(float x, float w) {
            return new PDRectangle(x, y - FIELD_HEIGHT, w, FIELD_HEIGHT);
        }

        private void labelLine(String label) throws IOException {
            List<String> lines = wrap(label, TEXT_SIZE, width);
            ensure(lines.size() * TEXT_SIZE * LEADING + FIELD_HEIGHT + 8);
            for (String line : lines) {
                gap(TEXT_SIZE * LEADING);
                show(line, MARGIN, y + 3, TEXT_SIZE);
            }
        }

        private void paragraph(String paragraph, float size) throws IOException {
            for (String line : wrap(paragraph, size, width)) {
                ensure(size * LEADING);
                gap(size * LEADING);
                show(line, MARGIN, y + size * 0.25f, size);
            }
        }

        private void show(String line, float x, float baseline, float size) throws IOException {
            text.beginText();
            text.setFont(font, size);
            text.newLineAtOffset(x, baseline);
            text.showText(line);
            text.endText();
        }

        private List<String> wrap(String paragraph, float size, float maxWidth) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split("\\s+")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > maxWidth) {
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(word);
                } else {
                    line.setLength(0);
                    line.append(candidate);
                }
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        private void gap(float height) {
            y -= height;
        }

        private void ensure(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        private void newPage() throws IOException {
            if (text != null) {
                text.close();
            }
            page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            text = new PDPageContentStream(document, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        }
    }
}
