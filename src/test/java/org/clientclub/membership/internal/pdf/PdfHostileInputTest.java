package org.clientclub.membership.internal.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.clientclub.membership.Questionnaire;
import org.clientclub.support.HostilePdfs;
import org.clientclub.support.QuestionnairePdfs;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an attacker mails to the club as a questionnaire PDF. Each gets a clear outcome from the reader, within
 * limits checked while the bytes are read, so the heap is never at stake; the mailbox keeps the original and
 * answers the sender (MailIntakeCorpusTest).
 */
class PdfHostileInputTest {

    private static final QuestionnairePdf generator = QuestionnairePdfs.generator();
    private static final Questionnaire MARIA = TestQuestionnaires.adult("maria.ivanova@example.org");
    private static final PdfReading TOO_COMPLEX = new PdfReading.Rejected("tooComplex");

    private final QuestionnairePdfReader reader = QuestionnairePdfs.reader();

    @Test
    void aFieldValueKeptAsAStreamThatInflatesFarPastTheLimitsStopsWhileInflating() {
        byte[] bomb = HostilePdfs.streamValueBomb(generator, MARIA, 256L << 20);
        assertThat(bomb.length).isLessThan(1024 * 1024);

        assertThat(reader.read(bomb)).isEqualTo(TOO_COMPLEX);
    }

    @Test
    void aFieldValueKeptAsAShortCompressedTextStreamIsStillRead() {
        assertThat(reader.read(HostilePdfs.streamValue(generator, MARIA, "Иванова-Петрова")))
                .isInstanceOfSatisfying(
                        PdfReading.Filled.class,
                        f -> assertThat(f.questionnaire().lastName()).isEqualTo("Иванова-Петрова"));
    }

    @Test
    void aValueCompressedTwiceStopsAtTheLimitToo() {
        byte[] bomb = HostilePdfs.nestedFilterBomb(generator, MARIA, HostilePdfs.GIB);

        assertThat(reader.read(bomb)).isEqualTo(TOO_COMPLEX);
    }

    @Test
    void moreFiltersOnAStreamThanAnyWriterUsesAreRefused() {
        assertThat(reader.read(HostilePdfs.filterChain(generator, MARIA, BoundedStreams.MAX_FILTERS)))
                .isInstanceOf(PdfReading.Filled.class);
        assertThat(reader.read(HostilePdfs.filterChain(generator, MARIA, 50))).isEqualTo(TOO_COMPLEX);
    }

    @Test
    void aStreamLengthThatLiesIsNotTrusted() {
        assertThat(reader.read(HostilePdfs.lyingLength(HostilePdfs.GIB))).isEqualTo(TOO_COMPLEX);
    }

    @Test
    void anXfaBombBesideTheFormIsNeverDecoded() {
        assertThat(reader.read(HostilePdfs.xfaBomb(generator, MARIA, HostilePdfs.GIB)))
                .isInstanceOfSatisfying(
                        PdfReading.Filled.class,
                        f -> assertThat(f.questionnaire().lastName()).isEqualTo(MARIA.lastName()));
    }

    @Test
    void aRichTextValueBombIsNeverDecoded() {
        assertThat(reader.read(HostilePdfs.richTextBomb(generator, MARIA, HostilePdfs.GIB)))
                .isInstanceOfSatisfying(
                        PdfReading.Filled.class,
                        f -> assertThat(f.questionnaire().lastName()).isEqualTo(MARIA.lastName()));
    }

    @Test
    void deeplyNestedObjectsEndInARejectionNotInAStackOverflow() {
        assertThat(reader.read(HostilePdfs.deepNesting(200_000))).isInstanceOf(PdfReading.Rejected.class);
    }

    @Test
    void millionsOfTinyObjectsWithinTheSizeLimitStopWhileTheyAreParsed() {
        byte[] wide = HostilePdfs.wideArray(4_500_000);
        assertThat(wide.length).isLessThan((int) reader.limits().maxBytes());

        assertThat(reader.read(wide)).isEqualTo(TOO_COMPLEX);
    }

    @Test
    void moreFieldsThanAnyQuestionnaireHasAreRefused() {
        assertThat(reader.read(HostilePdfs.manyFields(5_000))).isEqualTo(TOO_COMPLEX);
    }

    @Test
    void moreObjectsThanAnyQuestionnaireHasAreRefused() {
        assertThat(reader.read(QuestionnairePdfs.manyObjects(30_000))).isEqualTo(TOO_COMPLEX);
    }

    @Test
    void aDecompressionBombInAnAppearanceStreamStopsAtTheLimit() {
        byte[] bomb = QuestionnairePdfs.appearanceBomb(generator, MARIA, 64L * 1024 * 1024);
        assertThat(bomb.length).isLessThan(2 * 1024 * 1024);

        assertThat(reader.read(bomb)).isEqualTo(TOO_COMPLEX);
    }

    @Test
    void theDecodedBytesLimitIsWhatStopsTheBomb() {
        byte[] bomb = QuestionnairePdfs.appearanceBomb(generator, MARIA, 4L * 1024 * 1024);
        QuestionnairePdfReader tight = QuestionnairePdfs.reader(
                new QuestionnairePdfReader.Limits(10L * 1024 * 1024, 20_000, 2L * 1024 * 1024, 1_000));
        QuestionnairePdfReader roomy = QuestionnairePdfs.reader(
                new QuestionnairePdfReader.Limits(10L * 1024 * 1024, 20_000, 16L * 1024 * 1024, 1_000));

        assertThat(tight.read(bomb)).isEqualTo(TOO_COMPLEX);
        assertThat(roomy.read(bomb))
                .isInstanceOfSatisfying(
                        PdfReading.Filled.class,
                        f -> assertThat(f.questionnaire().firstName()).isEqualTo("Мария"));
    }

    @Test
    void anObjectStreamThatInflatesOverTheLimitIsStoppedBeforePdfBoxParsesIt() throws IOException {
        // The premise: PDFBox inflates this object stream to find the catalog.
        try (PDDocument document = Loader.loadPDF(QuestionnairePdfs.objectStreamBomb(64 * 1024))) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
        QuestionnairePdfReader tight = QuestionnairePdfs.reader(
                new QuestionnairePdfReader.Limits(10L * 1024 * 1024, 20_000, 1024 * 1024, 1_000));

        assertThat(tight.read(QuestionnairePdfs.filled(generator, MARIA, true))).isInstanceOf(PdfReading.Filled.class);
        assertThat(tight.read(QuestionnairePdfs.objectStreamBomb(4L * 1024 * 1024)))
                .isEqualTo(TOO_COMPLEX);
    }

    @Test
    void aFileOverTheSizeLimitIsRejectedBeforeParsing() {
        QuestionnairePdfReader small =
                QuestionnairePdfs.reader(new QuestionnairePdfReader.Limits(1024, 20_000, 1 << 20, 100));

        assertThat(small.read(QuestionnairePdfs.filled(generator, MARIA, true))).isEqualTo(TOO_COMPLEX);
    }

    @Test
    void whenEverySlotStaysBusyTheReadIsRefusedForNowNotAnswered() throws InterruptedException {
        ReadSlots one = new ReadSlots(1, Duration.ofMillis(50));
        QuestionnairePdfReader single =
                new QuestionnairePdfReader(QuestionnairePdfs.content(), QuestionnairePdfReader.Limits.defaults(), one);
        CountDownLatch inSlot = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> one.run(() -> {
            inSlot.countDown();
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }));
        holder.start();
        assertThat(inSlot.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> single.read(QuestionnairePdfs.filled(generator, MARIA, true)))
                .isInstanceOf(ReadSlots.Busy.class);

        release.countDown();
        holder.join();
        assertThat(single.read(QuestionnairePdfs.filled(generator, MARIA, true)))
                .isInstanceOf(PdfReading.Filled.class);
    }

    @Test
    void tenGibibyteBombsAtOnceInA256MbHeapEachGetTheirOutcomeAndTheWebKeepsAnswering(@TempDir Path dir)
            throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = dir.resolve("drill.log");
        Process drill = new ProcessBuilder(
                        java.toString(),
                        "-Xmx256m",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-cp",
                        System.getProperty("java.class.path"),
                        PdfBombDrill.class.getName(),
                        "10")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        boolean ended = drill.waitFor(2, TimeUnit.MINUTES);
        if (!ended) {
            drill.destroyForcibly().waitFor();
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(ended).as(text).isTrue();
        assertThat(text).doesNotContain("OutOfMemoryError");
        assertThat(drill.exitValue()).as(text).isZero();
        for (int i = 0; i < 10; i++) {
            assertThat(text).contains("outcome " + i + ": " + TOO_COMPLEX);
        }
        assertThat(text).containsPattern("web: answered [1-9][0-9]*, failed 0");
    }
}
