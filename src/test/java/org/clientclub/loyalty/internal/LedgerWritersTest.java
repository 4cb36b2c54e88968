package org.clientclub.loyalty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One writer per table: only {@link Ledger} inserts ledger entries and moves balances, so decision 0009's lock,
 * insert, balance order is written once (docs/decisions/0009-points-ledger.md).
 */
class LedgerWritersTest {

    private static final Pattern WRITES =
            Pattern.compile("(?i)(insert\\s+into|update|delete\\s+from)\\s+loyalty_(ledger_entry|account)\\b");

    @Test
    void onlyTheLedgerWritesEntriesAndBalances() throws IOException {
        List<Path> writers;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            writers = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> WRITES.matcher(read(f)).find())
                    .map(f -> f.getFileName())
                    .toList();
        }
        assertThat(writers).containsExactly(Path.of("Ledger.java"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
