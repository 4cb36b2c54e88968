package org.clientclub.membership.internal.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDCheckBox;
import org.apache.pdfbox.pdmodel.interactive.form.PDComboBox;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDRadioButton;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.apache.pdfbox.text.PDFTextStripper;
import org.clientclub.membership.Interest;
import org.clientclub.membership.Questionnaire;
import org.clientclub.membership.QuestionnaireField;
import org.clientclub.shared.Language;
import org.clientclub.support.QuestionnairePdfs;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The questionnaire PDF, generated and read back the ways members' viewers fill and save it. */
class QuestionnairePdfRoundTripTest {

    private static final QuestionnairePdf generator = QuestionnairePdfs.generator();
    private final QuestionnairePdfReader reader = QuestionnairePdfs.reader();

    private static final Questionnaire MARIA = TestQuestionnaires.adult("maria.ivanova@example.org");
    private static final Questionnaire JOHN = new Questionnaire(
            "Smith",
            "John",
            null,
            "john@example.org",
            null,
            LocalDate.of(2014, 1, 31),
            "78",
            "Saint Petersburg",
            "190000",
            Set.of(Interest.MEETINGS),
            Language.EN,
            false,
            "parent@example.org");

    @ParameterizedTest
    @EnumSource(Language.class)
    void hasAFieldForEveryQuestionnaireFieldPlusConsentAndMarker(Language language) throws IOException {
        try (PDDocument document = Loader.loadPDF(generator.generate(language))) {
            PDAcroForm form = document.getDocumentCatalog().getAcroForm();

            for (QuestionnaireField definition : QuestionnaireField.values()) {
                assertThat(form.getField(definition.key())).as(definition.key()).isNotNull();
            }
            assertThat(form.getField(QuestionnaireField.LAST_NAME.key())).isInstanceOf(PDTextField.class);
            assertThat(form.getField(QuestionnaireField.BIRTH_DATE.key())).isInstanceOf(PDTextField.class);
            assertThat(form.getField(QuestionnaireField.REGION.key())).isInstanceOf(PDComboBox.class);
            assertThat(((PDComboBox) form.getField(QuestionnaireField.REGION.key())).getOptions())
                    .containsExactlyElementsOf(
                            (language == Language.EN ? QuestionnairePdfs.REGIONS_EN : QuestionnairePdfs.REGIONS_RU)
                                    .stream().map(r -> r.name()).toList());
            for (Interest interest : Interest.values()) {
                assertThat(form.getField(QuestionnairePdfFields.interest(interest)))
                        .isInstanceOf(PDCheckBox.class);
            }
            assertThat(((PDRadioButton) form.getField(QuestionnaireField.LANGUAGE.key())).getOnValues())
                    .containsExactlyInAnyOrder("ru", "en");
            assertThat(((PDRadioButton) form.getField(QuestionnaireField.READY_FOR_INTERACTION.key())).getOnValues())
                    .containsExactlyInAnyOrder("yes", "no");
            assertThat(form.getField(QuestionnairePdfFields.CONSENT_FIELD)).isInstanceOf(PDCheckBox.class);
            PDField marker = form.getField(QuestionnairePdfFields.MARKER_FIELD);
            assertThat(marker.getValueAsString()).isEqualTo(QuestionnairePdfFields.MARKER_VALUE);
            assertThat(marker.isReadOnly()).isTrue();
            assertThat(form.getField(QuestionnairePdfFields.CONSENT_VERSION_FIELD)
                            .getValueAsString())
                    .isEqualTo("1");
            assertThat(document.getDocumentInformation().getCustomMetadataValue(QuestionnairePdfFields.INFO_FORM))
                    .isEqualTo(QuestionnairePdfFields.MARKER_VALUE);
        }
    }

    @Test
    void russianPdfShowsRussianLabelsTheConsentTextAndWhereToSendIt() throws IOException {
        String text = pageText(generator.generate(Language.RU));

        assertThat(text)
                .contains(
                        "Фамилия",
                        "Дата рождения",
                        "ДД.ММ.ГГГГ",
                        "Предлагать идеи",
                        "Готовы ли вы к дальнейшему взаимодействию с Почтой?",
                        "Согласие на обработку персональных данных",
                        QuestionnairePdfs.CONSENT_PHRASE_RU,
                        QuestionnairePdfs.MAILBOX);
    }

    @Test
    void englishPdfShowsEnglishLabelsAndTheEnglishConsent() throws IOException {
        String text = pageText(generator.generate(Language.EN));

        assertThat(text)
                .contains("Last name", "DD.MM.YYYY", QuestionnairePdfs.CONSENT_PHRASE_EN, QuestionnairePdfs.MAILBOX);
        assertThat(text).doesNotContain("Фамилия");
    }

    static Stream<Questionnaire> people() {
        return Stream.of(MARIA, JOHN);
    }

    @ParameterizedTest
    @MethodSource("people")
    void readsBackWhatPdfBoxFilledIn(Questionnaire filled) {
        PdfReading reading = reader.read(QuestionnairePdfs.filled(generator, filled, true));

        assertThat(reading).isInstanceOfSatisfying(PdfReading.Filled.class, f -> {
            assertThat(f.questionnaire()).isEqualTo(filled);
            assertThat(f.consentAccepted()).isTrue();
            assertThat(f.consentVersion()).isEqualTo(QuestionnairePdfs.CONSENT_VERSION);
        });
    }

    @ParameterizedTest
    @MethodSource("people")
    void readsBackFromAppearanceStreamsWhenTheViewerLeftNoValues(Questionnaire filled) throws IOException {
        byte[] pdf = QuestionnairePdfs.appearanceOnly(generator, filled, true);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDField field : document.getDocumentCatalog().getAcroForm(null).getFieldTree()) {
                assertThat(field.getCOSObject().containsKey(COSName.V))
                        .as(field.getFullyQualifiedName())
                        .isFalse();
            }
        }

        PdfReading reading = reader.read(pdf);

        assertThat(reading).isInstanceOfSatisfying(PdfReading.Filled.class, f -> {
            assertThat(f.questionnaire()).isEqualTo(filled);
            assertThat(f.consentAccepted()).isTrue();
            assertThat(f.consentVersion()).isEqualTo(QuestionnairePdfs.CONSENT_VERSION);
        });
    }

    @Test
    void readsBackAfterAnotherSaveWithoutCompression() throws IOException {
        byte[] resaved;
        try (PDDocument document = Loader.loadPDF(QuestionnairePdfs.filled(generator, MARIA, true))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, CompressParameters.NO_COMPRESSION);
            resaved = out.toByteArray();
        }

        assertThat(reader.read(resaved))
                .isInstanceOfSatisfying(
                        PdfReading.Filled.class,
                        f -> assertThat(f.questionnaire()).isEqualTo(MARIA));
    }

    @Test
    void anOpenLanguageQuestionTakesTheLanguageTheFormWasPrintedIn() {
        Questionnaire noLanguage = new Questionnaire(
                MARIA.lastName(),
                MARIA.firstName(),
                MARIA.patronymic(),
                MARIA.email(),
                MARIA.phone(),
                MARIA.birthDate(),
                MARIA.regionCode(),
                MARIA.town(),
                MARIA.postcode(),
                MARIA.interests(),
                null,
                MARIA.readyForInteraction(),
                MARIA.guardianEmail());

        assertThat(reader.read(QuestionnairePdfs.filled(generator, Language.EN, noLanguage, true)))
                .isInstanceOfSatisfying(
                        PdfReading.Filled.class,
                        f -> assertThat(f.questionnaire().language()).isEqualTo(Language.EN));
        assertThat(reader.read(QuestionnairePdfs.filled(generator, Language.RU, noLanguage, true)))
                .isInstanceOfSatisfying(
                        PdfReading.Filled.class,
                        f -> assertThat(f.questionnaire().language()).isEqualTo(Language.RU));
    }

    @Test
    void withoutTheConsentTickTheQuestionnaireIsReadAndConsentIsFalse() {
        PdfReading reading = reader.read(QuestionnairePdfs.filled(generator, MARIA, false));

        assertThat(reading)
                .isInstanceOfSatisfying(
                        PdfReading.Filled.class,
                        f -> assertThat(f.consentAccepted()).isFalse());
    }

    @Test
    void regionTypedAsCodeOrEnglishNameAndDatesInOtherShapesAreUnderstood() {
        assertThat(QuestionnairePdfReader.date("5.4.1985")).isEqualTo(LocalDate.of(1985, 4, 5));
        assertThat(QuestionnairePdfReader.date("1985-04-05")).isEqualTo(LocalDate.of(1985, 4, 5));
        assertThat(QuestionnairePdfReader.date("05/04/1985")).isEqualTo(LocalDate.of(1985, 4, 5));
        assertThat(QuestionnairePdfReader.date("31.02.1985")).isNull();
        assertThat(QuestionnairePdfReader.date("весной")).isNull();
    }

    @Test
    void flattenedQuestionnaireGoesToStaffForTranscription() {
        assertThat(reader.read(QuestionnairePdfs.flattened(generator, MARIA, true)))
                .isEqualTo(new PdfReading.NeedsTranscription("noFormFields"));
    }

    @Test
    void scannedImageGoesToStaffForTranscription() {
        assertThat(reader.read(QuestionnairePdfs.imageOnly()))
                .isEqualTo(new PdfReading.NeedsTranscription("noFormFields"));
    }

    @Test
    void blankQuestionnaireIsRejected() {
        assertThat(reader.read(QuestionnairePdfs.blank(generator, Language.RU)))
                .isEqualTo(new PdfReading.Rejected("blankQuestionnaire"));
    }

    @Test
    void passwordProtectedPdfIsRejected() {
        assertThat(reader.read(QuestionnairePdfs.encrypted(generator, MARIA, true, "secret")))
                .isEqualTo(new PdfReading.Rejected("encryptedPdf"));
    }

    @Test
    void truncatedEmptyAndGarbageFilesAreRejectedAsCorrupt() {
        byte[] filled = QuestionnairePdfs.filled(generator, MARIA, true);

        assertThat(reader.read(QuestionnairePdfs.truncated(filled))).isEqualTo(new PdfReading.Rejected("corruptPdf"));
        assertThat(reader.read(new byte[0])).isEqualTo(new PdfReading.Rejected("corruptPdf"));
        assertThat(reader.read(null)).isEqualTo(new PdfReading.Rejected("corruptPdf"));
        assertThat(reader.read("not a pdf at all %%EOF".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(new PdfReading.Rejected("corruptPdf"));
        assertThat(reader.read("%PDF-1.7\n garbage \u0000\u0001 %%EOF".getBytes(StandardCharsets.ISO_8859_1)))
                .isEqualTo(new PdfReading.Rejected("corruptPdf"));
    }

    @Test
    void someoneElsesFormIsNotOurQuestionnaire() {
        assertThat(reader.read(QuestionnairePdfs.foreignForm()))
                .isEqualTo(new PdfReading.Rejected("notOurQuestionnaire"));
    }

    private static String pageText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
