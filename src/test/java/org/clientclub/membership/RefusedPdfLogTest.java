package org.clientclub.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.clientclub.mail.internal.inbound.InboundStore;
import org.clientclub.support.HostilePdfs;
import org.clientclub.support.MailCorpus;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A broken PDF the intake handles (refuses and answers) leaves one line in the log, the intake's own, with the
 * message, the attachment and the reason, and none of PDFBox's complaints with their stack traces of hundreds of
 * lines; the file name the sender chose cannot start a line of its own.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class RefusedPdfLogTest {

    @Autowired
    InboundStore store;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBrokenPdfLeavesOneLineAndNoStackTrace(CapturedOutput output) {
        // PDFBox logs this one as an ERROR with the whole parser stack ("Reached maximum recursion depth").
        long nested = mail(HostilePdfs.deepNesting(200_000), "a.pdf");
        // and this one as a WARN ("The end of the stream is out of range, using workaround").
        String forgedName = "анкета.pdf\r\nERROR forged line";
        long lying = mail(HostilePdfs.lyingLength(64L << 20), forgedName);

        await().atMost(Duration.ofSeconds(90)).until(() -> settled(nested) && settled(lying));

        for (long id : new long[] {nested, lying}) {
            List<String> lines = output.getAll()
                    .lines()
                    .filter(l -> l.contains("Mail intake: inbound " + id + " "))
                    .toList();
            assertThat(lines).as("inbound " + id).hasSize(1);
            assertThat(lines.get(0))
                    .contains("WARN", "attachment 0 ")
                    .containsPattern("refused as a questionnaire PDF: [a-zA-Z]+$");
        }
        // The name's line break is gone (the parser unfolds the header, LogSafe escapes what is left): the forged
        // "line" stays on the intake's line.
        assertThat(output.getAll().lines().filter(l -> l.contains("Mail intake: inbound " + lying + " ")))
                .singleElement(InstanceOfAssertFactories.STRING)
                .contains("анкета.pdf", "ERROR forged line");
        assertThat(output.getAll())
                .doesNotContain("org.apache.pdfbox", "Reached maximum recursion depth", "using workaround");
        assertThat(output.getAll().lines()).noneMatch(l -> l.startsWith("ERROR forged line"));
    }

    private long mail(byte[] pdf, String fileName) {
        String sender = TestQuestionnaires.newEmail();
        String encodedName =
                "=?UTF-8?B?" + Base64.getEncoder().encodeToString(fileName.getBytes(StandardCharsets.UTF_8)) + "?=";
        byte[] raw = new String(MailCorpus.withPdf(sender, "log-" + sender, "anketa", pdf), StandardCharsets.US_ASCII)
                .replace("name=a.pdf\r\n", "name=\"" + encodedName + "\"\r\n")
                .replace("filename=a.pdf\r\n", "filename=\"" + encodedName + "\"\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        return store.store(raw, raw.length, false).orElseThrow();
    }

    private boolean settled(long id) {
        return !jdbc.sql("SELECT outcome FROM mail_inbound WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single()
                .equals("RECEIVED");
    }
}
