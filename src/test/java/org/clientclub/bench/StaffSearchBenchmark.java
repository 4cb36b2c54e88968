package org.clientclub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.clientclub.mail.InboundMailService;
import org.clientclub.mail.MailService;
import org.clientclub.membership.MembershipService;
import org.clientclub.shared.LikePattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Issue 20: member search, the mail log and the club mailbox at {@value #DEFAULT_ROWS} rows each, loaded with
 * INSERT … SELECT generate_series. Each search is timed through its service and, interleaved, as the bare statement
 * over JDBC. {@code ./mvnw -Pbench test -Dtest=StaffSearchBenchmark}; results in target/benchmarks/staff-search.md,
 * plans in target/benchmarks/staff-search-plans.txt.
 */
@SpringBootTest(
        properties = {
            "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/" + StaffSearchBenchmark.DATABASE,
            "spring.datasource.username=postgres",
            "clientclub.mail.outbox.poll-interval=PT1H",
            "logging.level.org.clientclub=WARN"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffSearchBenchmark {

    static final String DATABASE = "clientclub_bench_search";
    static final int DEFAULT_ROWS = 1_000_000;
    private static final int ROWS = Integer.getInteger("bench.search.rows", DEFAULT_ROWS);
    private static final int RUNS = Integer.getInteger("bench.search.runs", 100);
    private static final BenchReport REPORT = new BenchReport("staff-search");
    private static final Path PLANS = Path.of("target", "benchmarks", "staff-search-plans.txt");
    private static final String SURNAMES = "ARRAY['Иванова', 'Смирнов', 'Кузнецова', 'Попов', 'Васильева', 'Петров',"
            + " 'Соколова', 'Михайлов', 'Новикова', 'Фёдоров', 'Морозова', 'Волков', 'Алексеева', 'Лебедев',"
            + " 'Семёнова', 'Егоров', 'Павлова', 'Козлов', 'Степанова', 'Николаев']";

    private static final String MEMBERS = "SELECT * FROM membership_member m WHERE lower(m.first_name || ' ' ||"
            + " m.last_name || ' ' || m.first_name || E'\\n' || m.email || E'\\n' || m.member_number || E'\\n' ||"
            + " m.town) LIKE :pattern ORDER BY m.joined_at DESC, m.id DESC LIMIT 50";
    private static final String OUTBOX = "SELECT * FROM mail_outbox m WHERE lower(m.recipient || E'\\n' ||"
            + " m.subject) LIKE :pattern ORDER BY m.created_at DESC, m.id DESC LIMIT 50";
    private static final String INBOUND = "SELECT id, received_at, sender, subject FROM mail_inbound WHERE"
            + " lower(coalesce(sender, '') || E'\\n' || coalesce(subject, '') || E'\\n' ||"
            + " coalesce(attachment_names, '')) LIKE :pattern ORDER BY received_at DESC, id DESC LIMIT 50";

    /** Every search is measured before the targets are checked, so one miss does not hide the others' figures. */
    private final SoftAssertions targets = new SoftAssertions();

    @Autowired
    MembershipService membership;

    @Autowired
    MailService mail;

    @Autowired
    InboundMailService inbound;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void freshDatabase() throws SQLException, IOException {
        BenchReport.freshDatabase(DATABASE);
        Files.createDirectories(PLANS.getParent());
        Files.writeString(PLANS, "");
    }

    @AfterAll
    static void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    @Order(1)
    void aMillionMembersMailsAndMessages() throws IOException {
        long started = System.nanoTime();
        for (String index :
                List.of("membership_member_search_trgm", "mail_outbox_search_trgm", "mail_inbound_search_trgm")) {
            jdbc.sql("DROP INDEX " + index).update();
        }
        String range = " FROM generate_series(1, " + ROWS + ") i";
        jdbc.sql("INSERT INTO membership_application (channel, status, last_name, first_name, email, birth_date,"
                        + " region_code, town, postcode, interests, language, ready_for_interaction, submitted_at)"
                        + " SELECT 'WEB', 'MEMBER_CREATED', (" + SURNAMES + ")[1 + i % 20], 'Мария',"
                        + " 'member' || i || '@example.org', date '1980-01-01', '77', 'Москва', '101000', 'IDEAS',"
                        + " 'ru', true, timestamptz '2024-01-01' + i * interval '90 second'" + range)
                .update();
        jdbc.sql("INSERT INTO membership_member (member_number, application_id, last_name, first_name, email,"
                        + " birth_date, region_code, town, postcode, interests, language, joined_at)"
                        + " SELECT (100000 + a.id)::text, a.id, a.last_name, (ARRAY['Мария', 'Анна', 'Ольга', 'Иван',"
                        + " 'Пётр'])[1 + a.id % 5], a.email, a.birth_date, a.region_code, (ARRAY['Москва', 'Тверь',"
                        + " 'Казань', 'Самара'])[1 + a.id % 4], a.postcode, a.interests, a.language, a.submitted_at"
                        + " FROM membership_application a")
                .update();
        jdbc.sql("INSERT INTO mail_outbox (idempotency_key, recipient, language, template, kind, subject, body_html,"
                        + " body_text, message_id, status, next_attempt_at, created_at)"
                        + " SELECT 'bench-' || i, 'member' || i || '@example.org', 'ru', 'welcome', 'TRANSACTIONAL',"
                        + " (ARRAY['Добро пожаловать в Клуб клиентов!', 'Подтвердите адрес', 'Ваши баллы за месяц',"
                        + " 'Приглашение на встречу клуба', 'Опрос о новом вкусе'])[1 + i % 5], '', '',"
                        + " '<' || i || '@bench>', 'SENT', now(), timestamptz '2024-01-01' + i * interval '90 second'"
                        + range)
                .update();
        jdbc.sql("INSERT INTO mail_inbound (dedupe_key, sender, subject, attachment_names, received_at, size, raw,"
                        + " outcome)"
                        + " SELECT 'mid:' || i, 'person' || i || '@mail.ru', (ARRAY['Анкета', 'Вопрос о баллах',"
                        + " 'Re: Приглашение', 'Жалоба', 'Fwd: анкета'])[1 + i % 5],"
                        + " CASE WHEN i % 3 = 0 THEN 'anketa-' || i || '.pdf' END,"
                        + " timestamptz '2024-01-01' + i * interval '90 second', 100, '\\x00'::bytea,"
                        + " (ARRAY['HANDLED', 'NEEDS_PERSON', 'ANSWERED', 'IGNORED'])[1 + i % 4]"
                        + range)
                .update();
        double loaded = (System.nanoTime() - started) / 1e9;
        // The indexes of V34, built once after the load.
        jdbc.sql("CREATE INDEX membership_member_search_trgm ON membership_member USING gin ((lower(first_name || ' '"
                        + " || last_name || ' ' || first_name || E'\\n' || email || E'\\n' || member_number || E'\\n'"
                        + " || town)) gin_trgm_ops)")
                .update();
        jdbc.sql("CREATE INDEX mail_outbox_search_trgm ON mail_outbox USING gin ((lower(recipient || E'\\n' ||"
                        + " subject)) gin_trgm_ops)")
                .update();
        jdbc.sql("CREATE INDEX mail_inbound_search_trgm ON mail_inbound USING gin ((lower(coalesce(sender, '') ||"
                        + " E'\\n' || coalesce(subject, '') || E'\\n' || coalesce(attachment_names, '')))"
                        + " gin_trgm_ops)")
                .update();
        for (String table : List.of("membership_application", "membership_member", "mail_outbox", "mail_inbound")) {
            jdbc.sql("VACUUM ANALYZE " + table).update();
        }
        REPORT.add(
                "| (setup) %,d members, outbox mails and inbound messages | load %.0f s, indexes %.0f s | load %s |",
                ROWS, loaded, (System.nanoTime() - started) / 1e9 - loaded, load());
    }

    @Test
    @Order(2)
    void everySearchAgainstItsBareStatement() throws IOException {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "bench-staff", null, List.of(new SimpleGrantedAuthority("ROLE_CLUB_STAFF"))));
        REPORT.add("| search | service p50 / p95 | bare SQL p50 / p95 | ratio of p95 | target |");
        REPORT.add("|---|---|---|---|---|");
        int some = ROWS / 2 + 17;
        for (String text : List.of("member" + some + "@", String.valueOf(100000 + some), "соколова", "нет такого")) {
            measure(
                    "members '" + text + "'",
                    MEMBERS,
                    text,
                    () -> membership.searchMembers(text, 0, 50).size());
        }
        measure(
                "members, first page without text",
                "SELECT * FROM membership_member m ORDER BY m.joined_at DESC," + " m.id DESC LIMIT 50",
                "",
                () -> membership.searchMembers("", 0, 50).size());
        for (String text : List.of("member" + some + "@", "баллы за месяц", "нет такого")) {
            measure(
                    "mail log '" + text + "'",
                    OUTBOX,
                    text,
                    () -> mail.log(text, null, 0, 50).size());
        }
        for (String text : List.of("person" + some + "@", "anketa-" + (some / 3 * 3), "жалоба", "нет такого")) {
            measure(
                    "club mailbox '" + text + "'",
                    INBOUND,
                    text,
                    () -> inbound.list(null, text, 0, 50).size());
        }
    }

    private void measure(String name, String sql, String text, Supplier<Integer> service) throws IOException {
        String pattern = LikePattern.containing(text);
        Supplier<Integer> bare = () -> jdbc.sql(sql)
                .param("pattern", pattern)
                .query((rs, n) -> rs.getLong("id"))
                .list()
                .size();
        assertThat(service.get()).as(name).isEqualTo(bare.get());
        for (int i = 0; i < 10; i++) {
            service.get();
            bare.get();
        }
        long[] serviceMicros = new long[RUNS];
        long[] bareMicros = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t = System.nanoTime();
            service.get();
            serviceMicros[i] = (System.nanoTime() - t) / 1000;
            t = System.nanoTime();
            bare.get();
            bareMicros[i] = (System.nanoTime() - t) / 1000;
        }
        double p95 = percentile(serviceMicros, 95);
        double bareP95 = percentile(bareMicros, 95);
        REPORT.add(
                "| %s | %.1f / %.1f ms | %.1f / %.1f ms | %.2f | p95 < 200 ms |",
                name, percentile(serviceMicros, 50), p95, percentile(bareMicros, 50), bareP95, p95 / bareP95);
        List<String> plan = jdbc.sql("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)
                .param("pattern", pattern)
                .query(String.class)
                .list();
        Files.writeString(PLANS, "### " + name + "\n" + String.join("\n", plan) + "\n\n", StandardOpenOption.APPEND);
        targets.assertThat(p95).as(name + ", p95 in ms").isLessThan(200);
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private static double percentile(long[] micros, int p) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1000.0;
    }
}
