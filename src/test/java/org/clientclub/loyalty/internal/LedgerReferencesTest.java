package org.clientclub.loyalty.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The ledger keeps member and card ids without foreign keys (docs/decisions/0010-ledger-without-foreign-keys.md):
 * that holds only while nothing deletes an account or a card.
 */
class LedgerReferencesTest {

    private static final Pattern DELETES =
            Pattern.compile("(?i)(delete\\s+from|truncate(\\s+table)?)\\s+loyalty_(account|card)\\b");

    @Test
    void noCodeOrMigrationDeletesAnAccountOrACard() throws IOException {
        List<Path> offenders;
        try (Stream<Path> files = Stream.concat(
                Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/main/resources/db/migration")))) {
            offenders = files.filter(Files::isRegularFile)
                    .filter(f -> {
                        try {
                            return DELETES.matcher(Files.readString(f)).find();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
        assertThat(offenders).isEmpty();
    }
}
