package org.clientclub.membership.internal.pdf;

import static org.clientclub.membership.internal.pdf.FormLayout.BOX;
import static org.clientclub.membership.internal.pdf.FormLayout.FIELD_HEIGHT;
import static org.clientclub.membership.internal.pdf.FormLayout.FIELD_WIDTH;
import static org.clientclub.membership.internal.pdf.FormLayout.LEADING;
import static org.clientclub.membership.internal.pdf.FormLayout.MARGIN;
import static org.clientclub.membership.internal.pdf.FormLayout.TEXT_SIZE;
import static org.clientclub.membership.internal.pdf.FormLayout.TITLE_SIZE;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
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

    /** One document's fields, laid out by {@link FormLayout} in the order of {@link QuestionnaireField}. */
    private final class Builder {

        private final PDDocument document;
        private final Language language;
        private final ConsentDocument consent;
        private final FormLayout layout;
        private final PDAcroForm form;
        private final List<PDField> fields = new ArrayList<>();

        Builder(PDDocument document, Language language, ConsentDocument consent) throws IOException {
            this.document = document;
            this.language = language;
            this.consent = consent;
            this.layout = new FormLayout(document);
            this.form = layout.form();
        }

        void build() throws IOException {
            info();
            layout.newPage();
            layout.paragraph(message(language, "questionnaire.pdf.title"), TITLE_SIZE);
            layout.gap(4);
            layout.paragraph(message(language, "questionnaire.pdf.instructions", clubMailbox), TEXT_SIZE);
            layout.paragraph(message(language, "questionnaire.pdf.required"), TEXT_SIZE);
            layout.gap(8);
            for (QuestionnaireField field : QuestionnaireField.values()) {
                add(field);
            }
            consent();
            layout.gap(8);
            layout.paragraph(message(language, "questionnaire.pdf.send", clubMailbox), TEXT_SIZE);
            markers();
            layout.finish();
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
                    layout.labelLine(label);
                    layout.ensure(FIELD_HEIGHT + 8);
                    PDComboBox box = new PDComboBox(form);
                    box.setPartialName(field.key());
                    box.setOptions(
                            content.regions(language).stream().map(Region::name).toList());
                    textLike(box, field, label, layout.rect(MARGIN, FIELD_WIDTH));
                    fields.add(box);
                    layout.gap(FIELD_HEIGHT + 8);
                }
                case INTERESTS -> {
                    layout.labelLine(label);
                    List<PDField> kids = new ArrayList<>();
                    PDNonTerminalField group = new PDNonTerminalField(form);
                    group.setPartialName(field.key());
                    for (Interest interest : Interest.values()) {
                        layout.ensure(BOX + 6);
                        PDCheckBox box = new PDCheckBox(form);
                        box.setPartialName(interest.name());
                        String choice = message(language, "interest." + interest.name());
                        box.setAlternateFieldName(choice);
                        layout.button(box.getWidgets().get(0), MARGIN, QuestionnairePdfFields.CHECKED, false);
                        box.getCOSObject().setItem(COSName.PARENT, group);
                        layout.show(choice, MARGIN + BOX + 6, layout.y() - BOX + 2, TEXT_SIZE);
                        kids.add(box);
                        layout.gap(BOX + 6);
                    }
                    group.setChildren(kids);
                    fields.add(group);
                    layout.gap(4);
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
                    layout.labelLine(label);
                    layout.ensure(FIELD_HEIGHT + 8);
                    PDTextField box = new PDTextField(form);
                    box.setPartialName(field.key());
                    box.setMaxLen(field.maxLength());
                    textLike(box, field, label, layout.rect(MARGIN, FIELD_WIDTH));
                    String hint = hint(field);
                    if (hint != null) {
                        layout.show(hint, MARGIN + FIELD_WIDTH + 8, layout.y() - FIELD_HEIGHT + 5, TEXT_SIZE);
                    }
                    fields.add(box);
                    layout.gap(FIELD_HEIGHT + 8);
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
            for (String line : layout.wrap(label, TEXT_SIZE, layout.width())) {
                layout.labelLine(line);
            }
            layout.ensure(BOX + 10);
            PDRadioButton radio = new PDRadioButton(form);
            radio.setPartialName(field.key());
            radio.setAlternateFieldName(message(language, field.labelKey()));
            List<PDAnnotationWidget> widgets = new ArrayList<>();
            float x = MARGIN;
            for (Choice choice : choices) {
                PDAnnotationWidget widget = new PDAnnotationWidget();
                layout.button(widget, x, choice.onState(), true);
                widget.getCOSObject().setItem(COSName.PARENT, radio);
                layout.show(choice.label(), x + BOX + 6, layout.y() - BOX + 2, TEXT_SIZE);
                widgets.add(widget);
                x += BOX + 12 + layout.textWidth(choice.label(), TEXT_SIZE) + 24;
            }
            radio.setWidgets(widgets);
            fields.add(radio);
            layout.gap(BOX + 10);
        }

        private void consent() throws IOException {
            layout.newPage();
            layout.paragraph(consent.title(), TITLE_SIZE - 2);
            layout.gap(4);
            for (String paragraph : consent.body().split("\\R")) {
                if (paragraph.isBlank()) {
                    layout.gap(TEXT_SIZE * 0.6f);
                } else {
                    layout.paragraph(paragraph, TEXT_SIZE);
                }
            }
            layout.gap(10);
            List<String> lines = layout.wrap(
                    message(language, "join.consent.accept", consent.version()), TEXT_SIZE, layout.width() - BOX - 6);
            layout.ensure(lines.size() * TEXT_SIZE * LEADING + 6);
            PDCheckBox box = new PDCheckBox(form);
            box.setPartialName(QuestionnairePdfFields.CONSENT_FIELD);
            box.setAlternateFieldName(String.join(" ", lines));
            layout.button(box.getWidgets().get(0), MARGIN, QuestionnairePdfFields.CHECKED, false);
            fields.add(box);
            float lineY = layout.y() - BOX + 2;
            for (String line : lines) {
                layout.show(line, MARGIN + BOX + 6, lineY, TEXT_SIZE);
                lineY -= TEXT_SIZE * LEADING;
            }
            layout.gap(lines.size() * TEXT_SIZE * LEADING + 6);
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
            marker.setDefaultAppearance(layout.appearance(6));
            marker.setReadOnly(true);
            marker.getCOSObject().setItem(COSName.PARENT, group);
            PDAnnotationWidget widget = marker.getWidgets().get(0);
            widget.setRectangle(new PDRectangle(MARGIN, 8, 120, 10));
            widget.setHidden(true);
            widget.setPage(layout.page());
            layout.page().getAnnotations().add(widget);
            // Set on the dictionary here; the appearance stream is drawn by refreshAppearances with the rest.
            marker.getCOSObject().setString(COSName.V, value);
            return marker;
        }

        private void textLike(PDTerminalField field, QuestionnaireField definition, String label, PDRectangle rect)
                throws IOException {
            field.setAlternateFieldName(label);
            if (field instanceof PDTextField text) {
                text.setDefaultAppearance(layout.appearance(TEXT_SIZE));
            } else if (field instanceof PDComboBox combo) {
                combo.setDefaultAppearance(layout.appearance(TEXT_SIZE));
            }
            field.setRequired(definition.required() && definition != QuestionnaireField.GUARDIAN_EMAIL);
            PDAnnotationWidget widget = field.getWidgets().get(0);
            widget.setAppearanceCharacteristics(layout.place(widget, rect));
            PDBorderStyleDictionary border = new PDBorderStyleDictionary();
            border.setWidth(1);
            widget.setBorderStyle(border);
            layout.page().getAnnotations().add(widget);
        }
    }
}
