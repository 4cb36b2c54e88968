package org.clientclub.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.clientclub.tasks.InboxFilter.Scope;
import org.clientclub.tasks.InboxFilter.Sort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Inbox pages through {@link InboxService} on the engine's tables: keyset paging when sort keys tie, who sees what,
 * and search. Every test works in groups of its own, so the other tests' tasks in the same database do not count.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxPagesTest {

    private static final String PROCESS = "InboxPagesTestProcess";

    @Autowired
    InboxService inbox;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService taskService;

    @Autowired
    RepositoryService repository;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    void aProcessWhoseTaskTakesItsValuesFromVariables() {
        repository
                .createDeployment()
                .addModelInstance(
                        PROCESS + ".bpmn",
                        Bpmn.createExecutableProcess(PROCESS)
                                .camundaHistoryTimeToLive(1)
                                .startEvent()
                                .userTask("Task_Paged")
                                .name("${name}")
                                .camundaCandidateGroups("${group}")
                                .camundaAssignee("${assignee}")
                                .camundaDueDate("${due}")
                                .camundaPriority("${priority}")
                                .endEvent()
                                .done())
                .deploy();
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @ParameterizedTest
    @EnumSource(Sort.class)
    void keysetPagesNeitherRepeatNorSkipTasksWhoseSortKeysTie(Sort sort) {
        String group = group();
        Instant[] dues = {Instant.parse("2027-01-10T09:00:00Z"), Instant.parse("2027-01-11T09:00:00Z"), null};
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            all.add(start("Задача " + i, "key-" + UUID.randomUUID(), group, null, dues[i % 3], 50 + 25 * (i % 2)));
        }
        logIn("pager", group);
        InboxFilter filter = new InboxFilter(Scope.ALL, null, null, sort);

        List<InboxTask> walked = new ArrayList<>();
        InboxCursor after = null;
        for (List<InboxTask> page = inbox.tasks(filter, null, 0, 5);
                !page.isEmpty();
                page = inbox.tasks(filter, after, 0, 5)) {
            walked.addAll(page);
            after = InboxCursor.after(page.get(page.size() - 1));
        }

        assertThat(walked).extracting(InboxTask::id).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
        assertThat(walked).isSortedAccordingTo(order(sort));
        // The same order as one page of them all, and as offsets would give.
        assertThat(walked).isEqualTo(inbox.tasks(filter, 0, 100));
        assertThat(inbox.tasks(filter, InboxCursor.after(walked.get(4)), 3, 5)).isEqualTo(walked.subList(8, 13));
    }

    @Test
    void theInboxIndexesAreMadeAfterTheEngineMadeItsTables() {
        // The application's Flyway runs before the engine creates its tables; tasks.internal.EngineIndexes after.
        assertThat(jdbc.sql("SELECT indexname FROM pg_indexes WHERE indexname LIKE 'tasks_inbox_%'")
                        .query(String.class)
                        .list())
                .containsExactlyInAnyOrder(
                        "tasks_inbox_due",
                        "tasks_inbox_priority",
                        "tasks_inbox_created",
                        "tasks_inbox_assignee_due",
                        "tasks_inbox_assignee_priority",
                        "tasks_inbox_assignee_created",
                        "tasks_inbox_business_key_trgm",
                        "tasks_inbox_business_key_tail_trgm",
                        "tasks_inbox_search_pkey",
                        "tasks_inbox_search_group_name");
        assertThat(jdbc.sql("SELECT version FROM flyway_engine_indexes_history WHERE success AND version IS NOT NULL"
                                + " AND version <> '0'")
                        .query(String.class)
                        .list())
                .containsExactly("32", "33");
    }

    @Test
    void theNextPageStartsAfterTheLastTaskShownEvenWhenOneBeforeItIsDone() {
        String group = group();
        for (int i = 0; i < 12; i++) {
            start("Задача " + i, "key-" + UUID.randomUUID(), group, null, Instant.parse("2027-02-01T00:00:00Z"), 50);
        }
        logIn("pager", group);
        InboxFilter filter = new InboxFilter(Scope.ALL, null, null, Sort.DUE);
        List<InboxTask> before = inbox.tasks(filter, 0, 12);
        List<InboxTask> first = inbox.tasks(filter, null, 0, 5);

        taskService.complete(first.get(0).id());
        List<InboxTask> next = inbox.tasks(filter, InboxCursor.after(first.get(4)), 0, 5);

        assertThat(next).isEqualTo(before.subList(5, 10));
    }

    @Test
    void staffSeeTheirOwnTasksAndTheirGroupsTasksAndNoOthers() {
        String mine = group();
        String other = group();
        String open = start("Открытая моей группы", "k-" + UUID.randomUUID(), mine, null, null, 50);
        String held = start("Взята коллегой", "k-" + UUID.randomUUID(), mine, "colleague", null, 50);
        String given = start("Моя в чужой группе", "k-" + UUID.randomUUID(), other, "me-" + mine, null, 50);
        start("Чужая открытая", "k-" + UUID.randomUUID(), other, null, null, 50);
        start("Чужая взятая", "k-" + UUID.randomUUID(), other, "colleague", null, 50);
        logIn("me-" + mine, mine);

        assertThat(ids(Scope.ALL)).containsExactlyInAnyOrder(open, held, given);
        assertThat(ids(Scope.MINE)).containsExactly(given);
        assertThat(ids(Scope.UNASSIGNED)).containsExactly(open);
        InboxTask line = inbox.tasks(new InboxFilter(Scope.MINE, null, null, Sort.DUE), 0, 5)
                .get(0);
        assertThat(line.processDefinitionKey()).isEqualTo(PROCESS);
        assertThat(line.businessKey()).startsWith("k-");
        assertThat(line.name()).isEqualTo("Моя в чужой группе");
        assertThat(inbox.tasks(new InboxFilter(Scope.ALL, "NoSuchProcess", null, Sort.DUE), 0, 5))
                .isEmpty();
        assertThat(inbox.tasks(new InboxFilter(Scope.ALL, PROCESS, null, Sort.DUE), 0, 5))
                .hasSize(3);
    }

    @Test
    void searchFindsNameOrBusinessKeyInAnyCaseAndTakesWildcardsAndQuotesLiterally() {
        String group = group();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String cyrillic = start("Проверить анкету Ивановой", "a-" + suffix, group, null, null, 50);
        String latin = start("Review", "Order-ABC-" + suffix, group, null, null, 50);
        String percent = start("Готово на 100%", "b-" + suffix, group, null, null, 50);
        String plain = start("Готово на 1000", "c-" + suffix, group, null, null, 50);
        String underscore = start("snake_case", "d-" + suffix, group, null, null, 50);
        String snake = start("snakeXcase", "e-" + suffix, group, null, null, 50);
        String quote = start("O'Brien", "f-" + suffix, group, null, null, 50);
        String backslash = start("C:\\клуб\\анкеты", "g-" + suffix, group, null, null, 50);
        logIn("searcher", group);

        assertThat(search("АНКЕТУ иванОВОЙ")).containsExactly(cyrillic);
        assertThat(search("order-abc")).containsExactly(latin);
        assertThat(search("ReViEw")).containsExactly(latin);
        assertThat(search("100%")).containsExactly(percent);
        assertThat(search("00%")).containsExactly(percent);
        assertThat(search("Готово на 100")).containsExactlyInAnyOrder(percent, plain);
        assertThat(search("e_c")).containsExactly(underscore);
        assertThat(search("__")).as("too short to search: all of them").hasSize(8);
        assertThat(search("o'brien")).containsExactly(quote);
        assertThat(search("\\клуб\\")).containsExactly(backslash);
        assertThat(search("б\\а")).containsExactly(backslash);
        assertThat(search(" % ")).as("too short to search: all of them").hasSize(8);
        assertThat(search("'; DROP TABLE act_ru_task; --")).isEmpty();
        assertThat(search("  " + suffix + "  ")).hasSize(8).contains(snake);
        // A key's part after the text's first dash is looked up apart (V33); the whole key must still hold the text.
        assertThat(search("rder-abc-" + suffix)).containsExactly(latin);
        assertThat(search("ABC-" + suffix)).containsExactly(latin);
        assertThat(search("x-" + suffix)).isEmpty();
        assertThat(search("order-" + suffix)).isEmpty();
    }

    @Test
    void theSearchTableFollowsEveryChangeToATasksCandidateGroupsAndName() {
        String group = group();
        String other = group();
        String task = start("Рассмотреть идею", "k-" + UUID.randomUUID(), group, null, null, 50);
        assertThat(searchRows(task)).containsExactly(group + "=Рассмотреть идею");

        taskService.addCandidateGroup(task, other);
        taskService.addCandidateUser(task, "someone");
        assertThat(searchRows(task))
                .containsExactlyInAnyOrder(group + "=Рассмотреть идею", other + "=Рассмотреть идею");

        Task renamed = taskService.createTaskQuery().taskId(task).singleResult();
        renamed.setName("Ответить автору");
        taskService.saveTask(renamed);
        assertThat(searchRows(task)).containsExactlyInAnyOrder(group + "=Ответить автору", other + "=Ответить автору");

        taskService.deleteCandidateGroup(task, group);
        assertThat(searchRows(task)).containsExactly(other + "=Ответить автору");
        logIn("searcher", other);
        assertThat(search("ответить автору")).containsExactly(task);
        logIn("searcher", group);
        assertThat(search("ответить автору")).isEmpty();

        taskService.complete(task);
        assertThat(searchRows(task)).isEmpty();
        String cancelled = start("Отменят", "k-" + UUID.randomUUID(), group, null, null, 50);
        assertThat(searchRows(cancelled)).hasSize(1);
        runtime.deleteProcessInstance(
                taskService.createTaskQuery().taskId(cancelled).singleResult().getProcessInstanceId(), "test");
        assertThat(searchRows(cancelled)).isEmpty();
    }

    private List<String> searchRows(String taskId) {
        return jdbc.sql("SELECT group_id_ || '=' || name_ FROM tasks_inbox_search WHERE task_id_ = ?")
                .param(taskId)
                .query(String.class)
                .list();
    }

    private List<String> search(String text) {
        return inbox.tasks(new InboxFilter(Scope.ALL, null, text, Sort.CREATED), 0, 50).stream()
                .map(InboxTask::id)
                .toList();
    }

    private List<String> ids(Scope scope) {
        return inbox.tasks(new InboxFilter(scope, null, null, Sort.CREATED), 0, 50).stream()
                .map(InboxTask::id)
                .toList();
    }

    private static Comparator<InboxTask> order(Sort sort) {
        return switch (sort) {
            case DUE -> Comparator.comparing(InboxTask::due, Comparator.nullsLast(Comparator.naturalOrder()));
            case PRIORITY -> Comparator.comparingInt(InboxTask::priority).reversed();
            case CREATED -> Comparator.comparing(InboxTask::created).reversed();
        };
    }

    private String start(String name, String businessKey, String group, String assignee, Instant due, int priority) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("name", name);
        variables.put("group", group);
        variables.put("assignee", assignee);
        variables.put("due", due == null ? null : Date.from(due));
        variables.put("priority", priority);
        String instance = runtime.startProcessInstanceByKey(PROCESS, businessKey, variables)
                .getId();
        return taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult()
                .getId();
    }

    private static String group() {
        return "INBOX_TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private static void logIn(String username, String... groups) {
        List<SimpleGrantedAuthority> roles = java.util.Arrays.stream(groups)
                .map(g -> new SimpleGrantedAuthority("ROLE_" + g))
                .toList();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, roles));
    }
}
