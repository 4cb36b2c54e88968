package org.clientclub.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.clientclub.loyalty.internal.imports.ImportFiles;
import org.clientclub.loyalty.internal.imports.ImportJobs;
import org.clientclub.membership.MemberId;
import org.clientclub.membership.MembershipService;
import org.clientclub.support.Members;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** A till export with good and bad lines, uploaded twice. */
@SpringBootTest
@WithMockUser(username = "cashier", roles = "CLUB_STAFF")
class PurchaseImportTest {

    @Autowired
    PurchaseImports imports;

    @Autowired
    PointsService pointsService;

    @Autowired
    MembershipService membership;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportFiles files;

    @Autowired
    ImportJobs jobs;

    @Autowired
    MeterRegistry registry;

    @Test
    void booksGoodLinesListsBadOnesAndNeverBooksAReceiptTwice() throws Exception {
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail());
        String card = Members.cardOf(jdbc, memberId);
        String wrongDigit = card.substring(0, 12) + ((card.charAt(12) - '0' + 1) % 10);
        String receipt = "R-" + memberId;
        String file = String.join(
                "\r\n",
                "карта;дата;индекс;сумма;категория;чек",
                card + ";2026-11-20 10:15:00;101000;1 234,50;POSTCARDS;" + receipt + "-1",
                card + ";20.11.2026 11:00;101000;1,234.50;GOODS;" + receipt + "-2",
                wrongDigit + ";2026-11-20 10:15:00;101000;500,00;GOODS;" + receipt + "-3",
                CardNumber.ofSequence(9_999_999_998L) + ";2026-11-20 10:15:00;101000;500,00;GOODS;" + receipt + "-4",
                card + ";2099-01-01 10:00:00;101000;500,00;GOODS;" + receipt + "-5",
                card + ";2026-11-20 10:15:00;101000;999,00;POSTCARDS;" + receipt + "-1",
                "\u0001\u0002\u0003garbage;;;;;",
                card + ";2026-11-21 09:00:00;101000;-1 234,50;POSTCARDS;" + receipt + "-1",
                card + ";2026-11-20 10:15:00;101000;abc;GOODS;" + receipt + "-6",
                card + ";2026-11-20 10:15:00;101000;500,00",
                "ящик\\полка\tдва;поля",
                "");
        byte[] windows1251 = file.getBytes(Charset.forName("windows-1251"));

        ImportSummary first = upload(windows1251);

        assertThat(first.status()).isEqualTo(ImportStatus.DONE);
        assertThat(first.linesBooked()).as("two purchases and the refund").isEqualTo(3);
        assertThat(first.linesDuplicate())
                .as("the receipt repeated in the file")
                .isEqualTo(1);
        assertThat(first.linesRejected()).isEqualTo(7);
        // 100 welcome + 12 full hundreds x 5 (postcards) + 12 x 3 (goods) - 60 (refund of the postcards)
        assertThat(pointsService.balance(MemberId.of(memberId))).isEqualTo(136);
        String errors = errorsOf(first.id());
        assertThat(errors)
                .contains(
                        "\"4\";\"cardCheckDigit\"",
                        "\"5\";\"unknownCard\"",
                        "\"6\";\"futureDate\"",
                        "\"8\";\"binary\"",
                        "\"10\";\"amount\"",
                        "\"11\";\"fields\"",
                        "\"12\";\"fields\";\"ящик\\полка\tдва;поля\"\r\n");

        assertThat(jdbc.sql("""
                SELECT count(*) FROM loyalty_ledger_entry e
                 WHERE e.member_id = :m AND (NOT EXISTS (SELECT 1 FROM loyalty_account a WHERE a.member_id = e.member_id)
                       OR e.card_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM loyalty_card c
                                                                WHERE c.id = e.card_id AND c.member_id = e.member_id))""").param("m", memberId).query(Long.class).single())
                .as("entries name the member's account and card")
                .isZero();

        ImportSummary again = upload(windows1251);
        assertThat(again.linesBooked()).isZero();
        assertThat(again.linesDuplicate()).isEqualTo(4);
        assertThat(pointsService.balance(MemberId.of(memberId))).isEqualTo(136);

        ByteArrayOutputStream original = new ByteArrayOutputStream();
        imports.writeOriginal(first.id(), original);
        assertThat(original.toByteArray()).isEqualTo(windows1251);
    }

    @Test
    void theImportThroughputCounterCountsEachCommittedLineByResult() {
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail());
        String card = Members.cardOf(jdbc, memberId);
        byte[] file = receipts(card, "M-" + memberId + "-", 0, 120);
        double booked = importLines("booked");
        double duplicate = importLines("duplicate");

        jobs.run(kept("metered.csv", file));

        assertThat(importLines("booked") - booked).isEqualTo(120);
        assertThat(importLines("duplicate") - duplicate).isZero();

        // The same file again: nothing booked twice, every line counted as a duplicate.
        jobs.run(kept("metered-again.csv", file));

        assertThat(importLines("booked") - booked).isEqualTo(120);
        assertThat(importLines("duplicate") - duplicate).isEqualTo(120);
    }

    private double importLines(String result) {
        return registry.get("clientclub.loyalty.import.lines")
                .tag("result", result)
                .counter()
                .count();
    }

    @Test
    void twoImportsAtOnceWithOverlappingReceiptsCreditEachReceiptOnce() throws Exception {
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail());
        String card = Members.cardOf(jdbc, memberId);
        byte[] first = receipts(card, "O-" + memberId + "-", 0, 3000);
        byte[] second = receipts(card, "O-" + memberId + "-", 2000, 5000);
        long a = kept("a.csv", first);
        long b = kept("b.csv", second);

        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> jobs.run(a));
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> jobs.run(b));
        CompletableFuture.allOf(one, other).get(60, TimeUnit.SECONDS);

        ImportSummary left = summary(a);
        ImportSummary right = summary(b);
        assertThat(left.status()).isEqualTo(ImportStatus.DONE);
        assertThat(right.status()).isEqualTo(ImportStatus.DONE);
        assertThat(left.linesBooked() + right.linesBooked())
                .as("each receipt booked by one of them")
                .isEqualTo(5000);
        assertThat(left.linesDuplicate() + right.linesDuplicate())
                .as("the overlap")
                .isEqualTo(1000);
        // 100 welcome + 5,000 receipts of 100 roubles, goods: 3 points each
        assertThat(pointsService.balance(MemberId.of(memberId))).isEqualTo(100 + 3 * 5000);
    }

    @Test
    void twoImportsBookingTheSameReceiptsInOppositeOrdersBothFinish() throws Exception {
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail());
        String card = Members.cardOf(jdbc, memberId);
        String prefix = "D-" + memberId + "-";
        byte[] upwards = receipts(card, prefix, 0, 10_000);
        // The same receipts of the same post office, last first. Inserted in file order the two copies would meet in
        // the middle of the key, each waiting for a receipt the other holds, and the database would fail one of them;
        // both batches insert in the key's order, so the second waits for the first.
        String[] lines = new String(receipts(card, prefix, 0, 10_000), StandardCharsets.UTF_8).split("\n");
        StringBuilder reversed = new StringBuilder(lines[0]).append('\n');
        for (int i = lines.length - 1; i > 0; i--) {
            reversed.append(lines[i]).append('\n');
        }
        long a = kept("up.csv", upwards);
        long b = kept("down.csv", reversed.toString().getBytes(StandardCharsets.UTF_8));

        CompletableFuture<Void> one = CompletableFuture.runAsync(() -> jobs.run(a));
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> jobs.run(b));
        CompletableFuture.allOf(one, other).get(60, TimeUnit.SECONDS);

        assertThat(summary(a).status()).isEqualTo(ImportStatus.DONE);
        assertThat(summary(b).status()).isEqualTo(ImportStatus.DONE);
        assertThat(summary(a).linesBooked() + summary(b).linesBooked()).isEqualTo(10_000);
        assertThat(summary(a).linesDuplicate() + summary(b).linesDuplicate()).isEqualTo(10_000);
        assertThat(pointsService.balance(MemberId.of(memberId))).isEqualTo(100 + 3 * 10_000);
    }

    @Test
    void aRestartSkipsTheLinesOfTheBatchesBookedBefore() {
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail());
        String card = Members.cardOf(jdbc, memberId);
        long id = kept("till-export.csv", receipts(card, "S-" + memberId + "-", 0, 100));
        // As if a node had booked lines 2 to 41 and 72 to 101 (receipts 0-39 and 70-99), then stopped.
        jdbc.sql(
                        "INSERT INTO loyalty_import_batch (import_id, first_line, last_line) VALUES (:id, 2, 41), (:id, 72, 101)")
                .param("id", id)
                .update();
        jdbc.sql(
                        "UPDATE loyalty_import SET status = 'RUNNING', heartbeat_at = now() - interval '1 hour', lines_done = 70 "
                                + "WHERE id = :id")
                .param("id", id)
                .update();

        jobs.run(id);

        ImportSummary summary = summary(id);
        assertThat(summary.status()).isEqualTo(ImportStatus.DONE);
        assertThat(summary.linesBooked()).as("receipts 40 to 69").isEqualTo(30);
        assertThat(summary.linesDone()).isEqualTo(100);
        assertThat(jdbc.sql("SELECT min(receipt_id), max(receipt_id) FROM loyalty_purchase WHERE member_id = :m")
                        .param("m", memberId)
                        .query((rs, i) -> rs.getString(1) + ".." + rs.getString(2))
                        .single())
                .isEqualTo("S-" + memberId + "-40..S-" + memberId + "-69");
        assertThat(pointsService.balance(MemberId.of(memberId))).isEqualTo(100 + 3 * 30);
    }

    @Test
    void aFileOfSeveralPartsIsKeptAsUploadedAndReadAcrossThePartsBoundaries() throws Exception {
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail());
        byte[] file = receipts(Members.cardOf(jdbc, memberId), "P-" + memberId + "-", 0, 40_000);
        int part = 1024 * 1024; // the importer keeps a file in parts of 1 MB
        assertThat(file.length).as("three parts, the last one short").isBetween(2 * part + 1, 3 * part - 1);

        ImportSummary summary = upload(file);

        assertThat(summary.status()).isEqualTo(ImportStatus.DONE);
        assertThat(summary.linesBooked()).isEqualTo(40_000);
        assertThat(summary.linesRejected()).as("no line cut where a part ends").isZero();
        assertThat(summary.linesExpected())
                .as("estimated from the first 64 KB")
                .isCloseTo(40_000L, org.assertj.core.data.Percentage.withPercentage(10));
        assertThat(pointsService.balance(MemberId.of(memberId))).isEqualTo(100 + 3 * 40_000);
        ByteArrayOutputStream original = new ByteArrayOutputStream();
        imports.writeOriginal(summary.id(), original);
        assertThat(original.toByteArray()).isEqualTo(file);
    }

    @Test
    void eachCategoryAndDayIsRatedByItsOwnRule() {
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail());
        String card = Members.cardOf(jdbc, memberId);
        StringBuilder file = new StringBuilder(PurchaseImports.HEADER).append('\n');
        java.time.LocalDate day = java.time.LocalDate.of(2026, 8, 1);
        // 70 days x 3 categories: 210 pairs to rate, more than the rates' table first has room for.
        for (int d = 0; d < 70; d++, day = day.plusDays(1)) {
            for (String category : new String[] {"POSTCARDS", "GOODS", "SUBSCRIPTIONS"}) {
                file.append(card)
                        .append(';')
                        .append(day)
                        .append(" 12:00;101000;100,00;")
                        .append(category)
                        .append(";R-")
                        .append(memberId)
                        .append('-')
                        .append(category)
                        .append('-')
                        .append(d)
                        .append('\n');
            }
        }

        ImportSummary summary = upload(file.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(summary.linesBooked()).isEqualTo(210);
        // 100 welcome + 70 x (5 postcards + 3 goods + 4 subscriptions) for 100 roubles each
        assertThat(pointsService.balance(MemberId.of(memberId))).isEqualTo(100 + 70 * (5 + 3 + 4));
    }

    /** A till export of one card's receipts {@code prefix + from} to {@code prefix + (to - 1)}, 100 roubles of goods each. */
    private static byte[] receipts(String card, String prefix, int from, int to) {
        StringBuilder file = new StringBuilder("card;datetime;postcode;amount;category;receipt\n");
        for (int i = from; i < to; i++) {
            file.append(card)
                    .append(";2026-11-20 10:15:00;101000;100,00;GOODS;")
                    .append(prefix)
                    .append(i)
                    .append('\n');
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRefundOfPointsAlreadySpentIsListedAndTheRestOfTheFileBooked() throws Exception {
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail());
        String card = Members.cardOf(jdbc, memberId);
        String receipt = "S-" + memberId;
        ImportSummary purchase = upload(("card;datetime;postcode;amount;category;receipt\n" + card
                        + ";2026-11-20 10:15:00;101000;2 000,00;POSTCARDS;" + receipt + "-1\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(purchase.linesBooked()).isEqualTo(1);
        assertThat(pointsService.balance(MemberId.of(memberId)))
                .as("100 welcome + 20 hundreds x 5")
                .isEqualTo(200);
        pointsService.redeem(MemberId.of(memberId), 150, "101000", new SourceRef("spent:" + memberId), "Подписка");

        ImportSummary refund = upload(("card;datetime;postcode;amount;category;receipt\n"
                        + card + ";2026-11-21 10:00:00;101000;-2 000,00;POSTCARDS;" + receipt + "-1\n"
                        + card + ";2026-11-21 10:05:00;101000;300,00;GOODS;" + receipt + "-2\n")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(refund.status()).isEqualTo(ImportStatus.DONE);
        assertThat(refund.linesBooked()).as("the new purchase").isEqualTo(1);
        assertThat(refund.linesRejected()).isEqualTo(1);
        assertThat(errorsOf(refund.id())).contains("\"2\";\"refundExceedsBalance\"");
        assertThat(pointsService.balance(MemberId.of(memberId)))
                .as("50 left + 3 hundreds x 3, the refund not taken")
                .isEqualTo(59);
    }

    @Test
    void partialRefundsTakeBackThePointsOfTheAmountReturnedEachOnce() throws Exception {
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail());
        String card = Members.cardOf(jdbc, memberId);
        String receipt = "P-" + memberId;
        String header = "card;datetime;postcode;amount;category;receipt\n";
        upload((header + card + ";2026-11-20 10:15:00;101000;2 000,00;POSTCARDS;" + receipt + "\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(pointsService.balance(MemberId.of(memberId)))
                .as("100 welcome + 20 hundreds x 5")
                .isEqualTo(200);

        byte[] refunds = (header
                        // 1 550 roubles left: 15 full hundreds keep 75 of the 100 points
                        + card + ";2026-11-21 10:00:00;101000;-450,00;POSTCARDS;" + receipt + "\n"
                        // 1 500 left: still 15 hundreds, nothing to take back
                        + card + ";2026-11-21 11:00:00;101000;-50,00;POSTCARDS;" + receipt + "\n"
                        // more than is left: the rest of the receipt
                        + card + ";2026-11-22 09:00:00;101000;-1 800,00;POSTCARDS;" + receipt + "\n")
                .getBytes(StandardCharsets.UTF_8);
        ImportSummary first = upload(refunds);

        assertThat(first.linesBooked()).isEqualTo(3);
        assertThat(pointsService.balance(MemberId.of(memberId))).isEqualTo(100);
        assertThat(pointsService.history(MemberId.of(memberId), 10))
                .filteredOn(e -> e.kind() == EntryKind.REVERSE)
                .extracting(LedgerEntryView::points)
                .containsExactlyInAnyOrder(-25L, -75L);

        ImportSummary again = upload(refunds);
        assertThat(again.linesBooked()).isZero();
        assertThat(again.linesDuplicate()).isEqualTo(3);
        assertThat(pointsService.balance(MemberId.of(memberId))).isEqualTo(100);
    }

    @Test
    void aFileWithoutOurHeaderFailsWithAReasonAndBooksNothing() {
        ImportSummary summary = upload("name;price\nx;1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(summary.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(summary.failure()).isEqualTo("import.error.header");
        assertThat(summary.linesBooked()).isZero();
    }

    private ImportSummary upload(byte[] content) {
        long id = imports.upload("till-export.csv", content.length, new ByteArrayInputStream(content));
        await().atMost(Duration.ofSeconds(30))
                .pollInSameThread()
                .until(() -> !summary(id).running());
        return summary(id);
    }

    /** The file kept as an upload no import reads along with, so a test runs it when it wants to. */
    private long kept(String name, byte[] content) {
        long id = files.begin(name, content.length, "cashier");
        files.receive(id, new ByteArrayInputStream(content));
        return id;
    }

    /**
     * The file as an upload that stops after its first {@code at} bytes until the import has booked a batch, then
     * goes on, or breaks off when {@code breakOff}.
     */
    private InputStream waitingForTheFirstBatch(String name, byte[] content, int at, boolean breakOff) {
        InputStream rest = new InputStream() {
            private InputStream bytes;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (bytes == null) {
                    await().atMost(Duration.ofSeconds(30))
                            .pollInSameThread()
                            .until(() -> jdbc.sql(
                                                    "SELECT coalesce(max(lines_booked), 0) FROM loyalty_import WHERE file_name = :n")
                                            .param("n", name)
                                            .query(Long.class)
                                            .single()
                                    > 0);
                    if (breakOff) {
                        throw new IOException("connection reset");
                    }
                    bytes = new ByteArrayInputStream(content, at, content.length - at);
                }
                return bytes.read(b, off, len);
            }
        };
        return new SequenceInputStream(new ByteArrayInputStream(content, 0, at), rest);
    }

    @Test
    void aFileIsBookedWhileItIsStillArriving() {
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail());
        byte[] file = receipts(Members.cardOf(jdbc, memberId), "A-" + memberId + "-", 0, 40_000);
        String name = "arriving-" + memberId + ".csv";

        // The upload waits after two of its three parts until the import has booked lines from them.
        long id = imports.upload(name, file.length, waitingForTheFirstBatch(name, file, 2 * 1024 * 1024, false));
        await().atMost(Duration.ofSeconds(60))
                .pollInSameThread()
                .until(() -> !summary(id).running());

        ImportSummary summary = summary(id);
        assertThat(summary.status()).isEqualTo(ImportStatus.DONE);
        assertThat(summary.linesBooked()).isEqualTo(40_000);
        assertThat(summary.fileSize()).isEqualTo(file.length);
        assertThat(pointsService.balance(MemberId.of(memberId))).isEqualTo(100 + 3 * 40_000);
        ByteArrayOutputStream original = new ByteArrayOutputStream();
        imports.writeOriginal(id, original);
        assertThat(original.toByteArray()).isEqualTo(file);
    }

    @Test
    void anUploadThatBreaksOffFailsItsImportKeepsWhatWasBookedAndTheSecondUploadBooksTheRest() {
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail());
        byte[] file = receipts(Members.cardOf(jdbc, memberId), "B-" + memberId + "-", 0, 40_000);
        String name = "broken-" + memberId + ".csv";
        int at = 2 * 1024 * 1024;

        assertThatThrownBy(() -> imports.upload(name, file.length, waitingForTheFirstBatch(name, file, at, true)))
                .isInstanceOf(java.io.UncheckedIOException.class);
        long id = jdbc.sql("SELECT id FROM loyalty_import WHERE file_name = :n")
                .param("n", name)
                .query(Long.class)
                .single();
        await().atMost(Duration.ofSeconds(30))
                .pollInSameThread()
                .until(() -> !summary(id).running());

        ImportSummary broken = summary(id);
        assertThat(broken.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(broken.failure()).isEqualTo("import.error.uploadBrokeOff");
        assertThat(broken.linesBooked())
                .as("the batches booked before the break")
                .isPositive()
                .isLessThan(40_000);
        assertThat(pointsService.balance(MemberId.of(memberId))).isEqualTo(100 + 3 * broken.linesBooked());
        ByteArrayOutputStream original = new ByteArrayOutputStream();
        imports.writeOriginal(id, original);
        assertThat(original.toByteArray())
                .as("the part of the file that came")
                .isEqualTo(java.util.Arrays.copyOf(file, at));

        ImportSummary again = upload(file);
        assertThat(again.status()).isEqualTo(ImportStatus.DONE);
        assertThat(again.linesDuplicate()).isEqualTo(broken.linesBooked());
        assertThat(again.linesBooked()).isEqualTo(40_000 - broken.linesBooked());
        assertThat(pointsService.balance(MemberId.of(memberId))).isEqualTo(100 + 3 * 40_000);
    }

    @Test
    void anUploadThatBreaksOffBeforeItsImportStartedFailsTheImportAtOnce() {
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail());
        byte[] file = receipts(Members.cardOf(jdbc, memberId), "E-" + memberId + "-", 0, 40_000);
        long id = files.begin("early-break.csv", file.length, "cashier");
        InputStream breaking =
                new SequenceInputStream(new ByteArrayInputStream(file, 0, 1024 * 1024), new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("connection reset");
                    }
                });

        assertThatThrownBy(() -> files.receive(id, breaking)).isInstanceOf(java.io.UncheckedIOException.class);

        ImportSummary summary = summary(id);
        assertThat(summary.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(summary.failure()).isEqualTo("import.error.uploadBrokeOff");
        assertThat(jdbc.sql("SELECT heartbeat_at IS NOT NULL FROM loyalty_import WHERE id = :id")
                        .param("id", id)
                        .query(Boolean.class)
                        .single())
                .as("each part kept beats, for the other nodes")
                .isTrue();
        jobs.run(id);
        assertThat(summary(id).linesBooked()).isZero();
        assertThat(pointsService.balance(MemberId.of(memberId))).isEqualTo(100);
    }

    @Test
    void anImportWhoseUploadDidNotAllArriveIsNotResumed() {
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail());
        byte[] part = receipts(Members.cardOf(jdbc, memberId), "C-" + memberId + "-", 0, 100);
        // An upload arriving at another node: its first part kept a moment ago.
        long id = jdbc.sql("""
                        INSERT INTO loyalty_import (file_name, file_size, uploaded_by, uploaded_at, status, heartbeat_at,
                                                    received)
                        VALUES ('cut.csv', 0, 'cashier', now(), 'QUEUED', now(), false) RETURNING id""").query(Long.class).single();
        jdbc.sql("INSERT INTO loyalty_import_part (import_id, part_no, data) VALUES (:id, 0, :data)")
                .param("id", id)
                .param("data", part)
                .update();

        jobs.run(id);
        assertThat(summary(id).status()).as("left to the node it arrives at").isEqualTo(ImportStatus.QUEUED);

        // That node stopped: no part has come for an hour.
        jdbc.sql("UPDATE loyalty_import SET heartbeat_at = now() - interval '1 hour' WHERE id = :id")
                .param("id", id)
                .update();
        jobs.run(id);

        ImportSummary summary = summary(id);
        assertThat(summary.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(summary.failure()).isEqualTo("import.error.uploadBrokeOff");
        assertThat(summary.linesBooked()).isZero();
        assertThat(pointsService.balance(MemberId.of(memberId))).isEqualTo(100);
    }

    private ImportSummary summary(long id) {
        return imports.history(0, 50).stream()
                .filter(s -> s.id() == id)
                .findFirst()
                .orElseThrow();
    }

    private String errorsOf(long id) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        imports.writeErrors(id, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
