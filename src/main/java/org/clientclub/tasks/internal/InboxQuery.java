package org.clientclub.tasks.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.clientclub.shared.LikePattern;
import org.clientclub.tasks.InboxCursor;
import org.clientclub.tasks.InboxFilter;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One page of the inbox in one statement over the engine's tables, each path along one of our indexes
 * (db/engine-indexes, docs/decisions/0034 and 0039): open tasks in the page's order after the cursor, the user's own
 * or their groups', the process name and business key joined by primary key. A search is two arms, task name and
 * business key, each ordered and cut on its own, so the planner picks the trigram index or the sort index per arm.
 * A name among the user's groups' tasks is looked up in {@code tasks_inbox_search} (the task's candidate groups with
 * its name, kept by triggers), a business key by the part after its first dash when the text has one.
 */
@Component
public class InboxQuery {

    /** One line of a page, straight from the tables. */
    public record Row(
            String id,
            @Nullable String name,
            @Nullable String taskDefinitionKey,
            @Nullable String processDefinitionId,
            @Nullable String processDefinitionKey,
            @Nullable String processDefinitionName,
            @Nullable String businessKey,
            @Nullable String description,
            Instant created,
            @Nullable Instant due,
            int priority,
            @Nullable String assignee) {}

    /** Who asks: their user name and their groups (never empty: a group nobody has stands in for none). */
    public record Viewer(String username, List<String> groups) {}

    private static final String COLUMNS = "t.id_, t.name_, t.task_def_key_, t.proc_def_id_, d.key_ AS proc_def_key_,"
            + " d.name_ AS proc_def_name_, e.business_key_, t.description_, t.create_time_, t.due_date_, t.priority_,"
            + " t.assignee_";
    private static final String JOINS = " LEFT JOIN act_re_procdef d ON d.id_ = t.proc_def_id_"
            + " LEFT JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_";
    private static final String CANDIDATE = "EXISTS (SELECT 1 FROM act_ru_identitylink i WHERE i.task_id_ = t.id_"
            + " AND i.type_ = 'candidate' AND i.group_id_ IN (:groups))";
    /**
     * The tasks of my groups whose name holds the text, from the search table's index (V33), up to one more than
     * {@link #FEW_NAMED}: materialized once, it is counted to choose between the two arms that use it.
     */
    private static final String NAMED_CTE = "WITH named AS MATERIALIZED (SELECT n.task_id_ FROM tasks_inbox_search n"
            + " WHERE n.group_id_ IN (:groups) AND n.name_ ILIKE :text LIMIT :fewNamed + 1) ";
    /**
     * Up to this many tasks of my groups named so, each read by primary key and sorted beats walking the sort index
     * (about 25 ms at a million tasks); beyond it the walk finds 50 within a few thousand index entries. Decided by
     * the count, not by the planner's estimate, which a sample of the search table moves either way.
     */
    static final int FEW_NAMED = 5_000;
    /** The walk's test of a task along the sort index: a candidate group of mine and the name, one index probe. */
    private static final String NAMED_IN_MY_GROUPS = "EXISTS (SELECT 1 FROM tasks_inbox_search n"
            + " WHERE n.task_id_ = t.id_ AND n.group_id_ IN (:groups) AND n.name_ ILIKE :text)";

    private static final String KEY_JOIN = " JOIN act_ru_execution s ON s.id_ = t.proc_inst_id_";
    /** The business key without its kind ("application-"), as indexed by tasks_inbox_business_key_tail_trgm. */
    private static final String KEY_TAIL = "regexp_replace(s.business_key_, '^[^-]*-', '')";
    /** Enough of a word for a trigram: shorter, the tail's index would be read whole. */
    private static final Pattern TRIGRAM = Pattern.compile("[\\p{L}\\p{N}]{3}");

    private final JdbcClient jdbc;
    private final int fewNamed;

    @Autowired
    public InboxQuery(JdbcClient jdbc) {
        this(jdbc, FEW_NAMED);
    }

    /** With another threshold between the two arms of a name search: tests compare the two. */
    InboxQuery(JdbcClient jdbc, int fewNamed) {
        this.jdbc = jdbc;
        this.fewNamed = fewNamed;
    }

    /** The tasks after {@code after} (from the first when null) in the filter's order, {@code skip} of them left out. */
    public List<Row> page(Viewer viewer, InboxFilter filter, @Nullable InboxCursor after, int skip, int limit) {
        Statement statement = statement(viewer, filter, after, skip, limit);
        return jdbc.sql(statement.sql())
                .params(statement.params())
                .query(InboxQuery::row)
                .list();
    }

    /** The SQL and its named parameters: what {@link #page} runs, for EXPLAIN in tests and bare in the benchmark. */
    public record Statement(String sql, Map<String, Object> params) {}

    public Statement statement(Viewer viewer, InboxFilter filter, @Nullable InboxCursor after, int skip, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("me", viewer.username());
        params.put("groups", viewer.groups());
        params.put("skip", skip);
        params.put("limit", limit);
        Order order = Order.of(filter.sort());
        StringBuilder common = new StringBuilder("t.suspension_state_ = 1");
        if (filter.processKey() != null && !filter.processKey().isBlank()) {
            common.append(" AND t.proc_def_id_ IN (SELECT pd.id_ FROM act_re_procdef pd WHERE pd.key_ = :processKey)");
            params.put("processKey", filter.processKey());
        }
        if (after != null) {
            common.append(" AND ").append(order.after());
            params.put("afterId", after.taskId());
            params.put("afterDue", after.due() == null ? null : Timestamp.from(after.due()));
            params.put("afterCreated", Timestamp.from(after.created()));
            params.put("afterPriority", after.priority());
        }
        // Each way a task may be visible, and each place the text may be found, is an arm of its own: an OR across
        // them would make the planner read every candidate link of the user's groups, or every task, before the page.
        List<Visible> visible = switch (filter.scope()) {
            case MINE -> List.of(Visible.ASSIGNED);
            case UNASSIGNED -> List.of(Visible.UNASSIGNED_IN_MY_GROUPS);
            case ALL -> List.of(Visible.ASSIGNED, Visible.IN_MY_GROUPS);
        };
        String by = order.key() + " " + order.direction() + ", t.id_ " + order.direction();
        String text = filter.search();
        if (text == null && visible.size() == 1) {
            return new Statement(
                    "SELECT " + COLUMNS + " FROM act_ru_task t" + JOINS + " WHERE " + common + " AND "
                            + visible.get(0).alone() + " ORDER BY " + by + " LIMIT :limit OFFSET :skip",
                    params);
        }
        String pageOrder = "k " + order.direction() + ", id_ " + order.direction();
        String walk = "(SELECT t.id_, " + order.key() + " AS k FROM act_ru_task t";
        String cut = " ORDER BY " + by + " LIMIT :armLimit)";
        List<String> arms = new ArrayList<>();
        String with = "";
        if (text == null) {
            visible.forEach(v -> arms.add(walk + " WHERE " + common + " AND " + v.alone() + cut));
        } else {
            params.put("text", "%" + LikePattern.escape(text) + "%");
            String key = keyCondition(text, params);
            for (Visible v : visible) {
                if (v.inMyGroups() == null) {
                    arms.add(walk + " WHERE " + common + " AND " + v.alone() + " AND t.name_ ILIKE :text" + cut);
                } else {
                    // Exactly one of these two runs: the other's one-time filter on the count is false.
                    with = NAMED_CTE;
                    params.put("fewNamed", fewNamed);
                    arms.add("(SELECT x.id_, x.k FROM (SELECT DISTINCT task_id_ FROM named) f CROSS JOIN LATERAL"
                            + " (SELECT t.id_, " + order.key() + " AS k FROM act_ru_task t WHERE t.id_ = f.task_id_"
                            + " AND " + common + v.inMyGroups() + " OFFSET 0) x"
                            + " WHERE (SELECT count(*) FROM named) <= :fewNamed ORDER BY " + pageOrder
                            + " LIMIT :armLimit)");
                    arms.add(walk + " WHERE " + common + v.inMyGroups() + " AND " + NAMED_IN_MY_GROUPS
                            + " AND (SELECT count(*) FROM named) > :fewNamed" + cut);
                }
                arms.add(walk + KEY_JOIN + " WHERE " + common + " AND " + v.alone() + key + cut);
            }
        }
        params.put("armLimit", skip + limit);
        StringJoiner union = new StringJoiner(" UNION ");
        arms.forEach(union::add);
        return new Statement(
                with + "SELECT " + COLUMNS + " FROM (SELECT id_, k FROM (" + union + ") u ORDER BY " + pageOrder
                        + " LIMIT :limit OFFSET :skip) p JOIN act_ru_task t ON t.id_ = p.id_" + JOINS + " ORDER BY p."
                        + pageOrder.replace(", id_", ", p.id_"),
                params);
    }

    /**
     * The business key holds the text. When the text has a dash, what follows it lies after the key's own first dash
     * (the key's dash is the text's, or comes before it), so the key's tail, whose trigrams are not those of every
     * key's kind, finds the few candidates; the whole key is then checked on them only ({@code || ''} keeps the
     * planner from also reading the whole key's index).
     */
    private static String keyCondition(String text, Map<String, Object> params) {
        int dash = text.indexOf('-');
        String tail = dash < 0 ? "" : text.substring(dash + 1);
        if (!TRIGRAM.matcher(tail).find()) {
            return " AND s.business_key_ ILIKE :text";
        }
        params.put("keyTail", "%" + LikePattern.escape(tail) + "%");
        return " AND " + KEY_TAIL + " ILIKE :keyTail AND (s.business_key_ || '') ILIKE :text";
    }

    /**
     * One way a task is visible to the viewer: the condition alone, and for the groups' ways what it adds to "a
     * candidate group of mine" (null for my own tasks), for the search of names through the search table.
     */
    private enum Visible {
        ASSIGNED("t.assignee_ = :me", null),
        IN_MY_GROUPS(CANDIDATE, ""),
        UNASSIGNED_IN_MY_GROUPS("t.assignee_ IS NULL AND " + CANDIDATE, " AND t.assignee_ IS NULL");

        private final String alone;
        private final @Nullable String inMyGroups;

        Visible(String alone, @Nullable String inMyGroups) {
            this.alone = alone;
            this.inMyGroups = inMyGroups;
        }

        String alone() {
            return alone;
        }

        @Nullable
        String inMyGroups() {
            return inMyGroups;
        }
    }

    /** Each sort order: its key over the task, its direction (the id breaks ties the same way), its keyset condition. */
    private record Order(String key, String direction, String after) {

        static Order of(InboxFilter.Sort sort) {
            return switch (sort) {
                // Nulls last, as the engine's own ascending sort by due date does on PostgreSQL.
                case DUE ->
                    new Order(
                            "coalesce(t.due_date_, 'infinity'::timestamp)",
                            "ASC",
                            "(coalesce(t.due_date_, 'infinity'::timestamp), t.id_)"
                                    + " > (coalesce(CAST(:afterDue AS timestamp), 'infinity'::timestamp), :afterId)");
                case PRIORITY -> new Order("t.priority_", "DESC", "(t.priority_, t.id_) < (:afterPriority, :afterId)");
                case CREATED ->
                    new Order(
                            "t.create_time_",
                            "DESC",
                            "(t.create_time_, t.id_) < (CAST(:afterCreated AS timestamp), :afterId)");
            };
        }
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        return new Row(
                rs.getString("id_"),
                rs.getString("name_"),
                rs.getString("task_def_key_"),
                rs.getString("proc_def_id_"),
                rs.getString("proc_def_key_"),
                rs.getString("proc_def_name_"),
                rs.getString("business_key_"),
                rs.getString("description_"),
                instant(rs.getTimestamp("create_time_")),
                instant(rs.getTimestamp("due_date_")),
                rs.getInt("priority_"),
                rs.getString("assignee_"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
