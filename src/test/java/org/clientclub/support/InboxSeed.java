package org.clientclub.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Open group tasks written straight into the engine's tables with INSERT … SELECT generate_series, the shape of issue
 * 20's inbox: one process instance per task (business key {@code application-<n>}), one candidate group of
 * {@value #GROUPS} ({@code GROUP_0}…), every 19th task assigned to one of 50 staff ({@code staff-0}…), due dates
 * over a year (one in 10 without), creation times over a year, six priorities, task names of six kinds with a
 * member's surname. A million engine starts would take half an hour; this takes seconds per hundred thousand.
 */
public final class InboxSeed {

    public static final int GROUPS = 20;

    private InboxSeed() {}

    /** Tasks {@code from}…{@code to} (inclusive) of the process definition, task definition key {@code Task_Open}. */
    public static void load(DataSource dataSource, String processDefinitionId, String processKey, int from, int to)
            throws SQLException {
        String range = "FROM generate_series(" + from + ", " + to + ") i";
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute("INSERT INTO act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_, business_key_,"
                    + " proc_def_id_, act_id_, is_active_, is_concurrent_, is_scope_, is_event_scope_,"
                    + " suspension_state_, cached_ent_state_, sequence_counter_, proc_def_key_)"
                    + " SELECT 'seed-pi-' || i, 1, 'seed-pi-' || i, 'seed-pi-' || i, 'application-' || i, '"
                    + processDefinitionId + "', 'Task_Open', true, false, true, false, 1, 0, 1, '" + processKey
                    + "' " + range);
            s.execute("INSERT INTO act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_,"
                    + " task_def_key_, assignee_, priority_, create_time_, last_updated_, due_date_,"
                    + " suspension_state_, task_state_)"
                    + " SELECT 'seed-task-' || i, 1, 'seed-pi-' || i, 'seed-pi-' || i, '" + processDefinitionId + "',"
                    + " (ARRAY['Проверить возможный дубликат', 'Рассмотреть идею', 'Расшифровать анкету',"
                    + " 'Отобрать в фокус-группу', 'Согласовать начисление баллов', 'Ответить на запрос данных'])"
                    + "[1 + " + spread("i + 3", 6)
                    + "::int] || ': ' || (ARRAY['Иванова', 'Смирнов', 'Кузнецова', 'Попов', 'Васильева',"
                    + " 'Петров', 'Соколова', 'Михайлов', 'Новикова', 'Фёдоров', 'Морозова', 'Волков', 'Алексеева',"
                    + " 'Лебедев', 'Семёнова', 'Егоров', 'Павлова', 'Козлов', 'Степанова', 'Николаев',"
                    + " 'Orlova', 'Smith', 'Müller'])[1 + " + spread("i + 4", 23) + "::int],"
                    + " 'Task_Open',"
                    + " CASE WHEN i % 19 = 0 THEN 'staff-' || (i / 19) % 50 END,"
                    + " (ARRAY[25, 50, 50, 50, 75, 100])[1 + " + spread("i + 2", 6) + "::int],"
                    + " timestamp '2025-12-01' + " + spread("i + 1", 31536000) + " * interval '1 second', NULL,"
                    + " CASE WHEN " + spread("-i", 10) + " <> 3 THEN timestamp '2026-12-01' + " + spread("i", 365)
                    + " * interval '1 day' END,"
                    + " 1, 'Created' " + range);
            s.execute("INSERT INTO act_ru_identitylink (id_, rev_, group_id_, type_, task_id_)"
                    + " SELECT 'seed-link-' || i, 1, 'GROUP_' || i % " + GROUPS + ", 'candidate', 'seed-task-' || i "
                    + range);
        }
    }

    /**
     * 0 … n-1, spread by a hash of {@code i} rather than by {@code i} itself: a modulus of {@code i} would tie the
     * value to the candidate group ({@code i % 20}), and one group would hold every task without a due date.
     */
    private static String spread(String i, int n) {
        return "mod(hashint4(" + i + ")::bigint + 2147483648, " + n + ")";
    }
}
