package org.clientclub.membership.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.spy;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.clientclub.membership.MembershipService;
import org.clientclub.membership.internal.pdf.QuestionnairePdf;
import org.clientclub.shared.Language;
import org.clientclub.support.QuestionnairePdfs;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The download behind the join page's PDF link; a plain unit test, the PDF itself is tested elsewhere. */
class QuestionnairePdfControllerTest {

    private final MembershipService membership = mock(MembershipService.class);
    private final QuestionnairePdf generator = spy(QuestionnairePdfs.generator());
    private final QuestionnairePdfController controller =
            new QuestionnairePdfController(generator, QuestionnairePdfs.messages(), membership);

    @Test
    void eachLanguageIsMadeOnceUntilTheConsentChanges() {
        when(membership.currentConsentVersion()).thenReturn(1);
        byte[] first = controller.download("ru").getBody();
        assertThat(controller.download("ru").getBody()).isSameAs(first);
        verify(generator, times(1)).generate(Language.RU);

        when(membership.currentConsentVersion()).thenReturn(2);
        controller.download("ru");
        verify(generator, times(2)).generate(Language.RU);
    }

    @Test
    void russianIsTheDefaultAndTheFileNameIsRussian() throws IOException {
        ResponseEntity<byte[]> response = controller.download("ru");

        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .startsWith("attachment; ")
                .contains("filename*=UTF-8''%D0%90%D0%BD%D0%BA%D0%B5%D1%82%D0%B0%20"); // "Анкета "
        assertThat(text(response.getBody())).contains("Фамилия");
    }

    @Test
    void englishOnRequest() throws IOException {
        ResponseEntity<byte[]> response = controller.download("en");

        assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .contains("filename*=UTF-8''Client%20Club%20questionnaire.pdf");
        assertThat(text(response.getBody())).contains("Last name");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
