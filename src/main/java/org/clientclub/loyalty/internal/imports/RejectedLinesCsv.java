package org.clientclub.loyalty.internal.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The rejected lines of a purchase import as a file staff open in a spreadsheet: line number, reason, and the line as
 * it came, kept whole in one cell so that what was wrong with its fields stays visible. The lines come from a till
 * export anyone could have edited, so the file must not make a spreadsheet run anything: every field is quoted, and a
 * cell that a spreadsheet would take for a formula (starting with = + - @, a tab or a carriage return) starts with an
 * apostrophe, which spreadsheets show as text.
 */
public final class RejectedLinesCsv {

    /** Semicolons, as the till exports and the spreadsheets set up for Russian use. */
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setDelimiter(';')
            .setQuoteMode(QuoteMode.ALL)
            .setRecordSeparator("\r\n")
            .setHeader("line", "reason", "content")
            .get();

    private final CSVPrinter printer;

    public RejectedLinesCsv(OutputStream out) {
        try {
            printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), FORMAT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(long lineNo, String reason, String rawLine) {
        try {
            printer.printRecord(lineNo, neutralised(reason), neutralised(rawLine));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes what was written; the stream stays open, it belongs to the caller. */
    public void flush() {
        try {
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String neutralised(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
