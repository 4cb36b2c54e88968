package org.clientclub.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.clientclub.loyalty.PointsService;
import org.clientclub.loyalty.process.PointsAdjustmentProcess;
import org.clientclub.membership.MembershipService;
import org.clientclub.membership.process.MembershipOnboardingProcess;
import org.clientclub.security.StaffAccount;
import org.clientclub.security.StaffDirectory;
import org.clientclub.support.Members;
import org.clientclub.support.TestQuestionnaires;
import org.clientclub.support.WebSession;
import org.clientclub.tasks.InboxService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What a member of staff logged into the Camunda webapps tries through their HTTP API (/camunda/api/engine) to get
 * round the inbox's rules, and what they may still do: read, and retry a failed job.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebappsApiHostileInputIT {

    private static final String API = "/camunda/api/engine/engine/default";

    @LocalServerPort
    int port;

    @Autowired
    StaffDirectory staff;

    @Autowired
    PointsService pointsService;

    @Autowired
    InboxService inbox;

    @Autowired
    MembershipService membership;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcClient jdbc;

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final String manager = "mgr-" + suffix;
    private final String colleague = "colleague-" + suffix;
    private final String admin = "adm-" + suffix;
    private final Map<String, String> passwords = new java.util.HashMap<>();
    private long memberId;

    @BeforeAll
    void accountsAndAMember() {
        account(manager, "CLUB_MANAGER", "CLUB_STAFF");
        account(colleague, "CLUB_MANAGER", "CLUB_STAFF");
        account(admin, "ADMIN", "CLUB_MANAGER", "CLUB_STAFF");
        memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail());
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aManagerCannotClaimOrCompleteTheirOwnApproval() throws Exception {
        Task approval = approvalRequestedBy(manager, "CLUB_MANAGER", "CLUB_STAFF");
        WebSession session = loggedIn(manager);

        assertThat(session.json(
                                "POST",
                                API + "/task/" + approval.getId() + "/claim",
                                "{\"userId\":\"" + manager + "\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(session.json(
                                "POST",
                                API + "/task/" + approval.getId() + "/complete",
                                "{\"variables\":{\"approved\":{\"value\":\"yes\"}}}")
                        .statusCode())
                .isEqualTo(403);

        assertThat(tasks.createTaskQuery()
                        .taskId(approval.getId())
                        .singleResult()
                        .getAssignee())
                .isNull();
        assertThat(balance()).isEqualTo(balanceBefore);
    }

    @Test
    void anAdministratorWhoAskedCannotApproveTheirOwnRequestEither() throws Exception {
        Task approval = approvalRequestedBy(admin, "ADMIN", "CLUB_MANAGER", "CLUB_STAFF");
        WebSession session = loggedIn(admin);

        assertThat(session.json("POST", API + "/task/" + approval.getId() + "/claim", "{\"userId\":\"" + admin + "\"}")
                        .statusCode())
                .as("an administrator may claim")
                .isEqualTo(204);
        HttpResponse<String> completed = session.json(
                "POST",
                API + "/task/" + approval.getId() + "/complete",
                "{\"variables\":{\"approved\":{\"value\":\"yes\"}}}");

        assertThat(completed.statusCode()).as(completed.body()).isEqualTo(403);
        assertThat(completed.body()).contains("REQUESTER");
        assertThat(tasks.createTaskQuery().taskId(approval.getId()).count())
                .as("still open")
                .isEqualTo(1);
    }

    @Test
    void aManagerCannotRewriteThePointsOrTheMemberOfARequest() throws Exception {
        Task approval = approvalRequestedBy(manager, "CLUB_MANAGER", "CLUB_STAFF");
        WebSession session = loggedIn(manager);

        assertThat(session.json(
                                "POST",
                                API + "/process-instance/" + approval.getProcessInstanceId() + "/variables",
                                "{\"modifications\":{\"points\":{\"value\":100000,\"type\":\"Long\"},"
                                        + "\"memberId\":{\"value\":1,\"type\":\"Long\"}}}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(session.json(
                                "PUT",
                                API + "/task/" + approval.getId() + "/variables/points",
                                "{\"value\":100000,\"type\":\"Long\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(session.json(
                                "PUT",
                                API + "/task/" + approval.getId() + "/localVariables/points",
                                "{\"value\":100000,\"type\":\"Long\"}")
                        .statusCode())
                .isEqualTo(403);
        assertThat(runtime.getVariables(approval.getProcessInstanceId())).doesNotContainKeys("points", "memberId");
    }

    @Test
    void evenAnAdministratorsRewrittenPointsAreNotWhatIsBooked() throws Exception {
        Task approval = approvalRequestedBy(manager, "CLUB_MANAGER", "CLUB_STAFF");
        WebSession session = loggedIn(admin);
        assertThat(session.json(
                                "POST",
                                API + "/process-instance/" + approval.getProcessInstanceId() + "/variables",
                                "{\"modifications\":{\"points\":{\"value\":100000,\"type\":\"Long\"}}}")
                        .statusCode())
                .isEqualTo(204);

        actAs(colleague, "CLUB_MANAGER", "CLUB_STAFF");
        inbox.complete(approval.getId(), Map.of("approved", "yes"));

        await().atMost(Duration.ofSeconds(30))
                .until(() -> runtime.createProcessInstanceQuery()
                                .processInstanceId(approval.getProcessInstanceId())
                                .count()
                        == 0);
        assertThat(jdbc.sql("SELECT points FROM loyalty_ledger_entry WHERE source_ref = :ref")
                        .param("ref", "adjustment:" + approval.getProcessInstanceId())
                        .query(Long.class)
                        .single())
                .as("the points asked for")
                .isEqualTo(REQUESTED);
    }

    @Test
    void aManagerCannotSkipTheApprovalByInstanceModification() throws Exception {
        Task approval = approvalRequestedBy(manager, "CLUB_MANAGER", "CLUB_STAFF");
        WebSession session = loggedIn(manager);

        HttpResponse<String> modified = session.json(
                "POST", API + "/process-instance/" + approval.getProcessInstanceId() + "/modification", skipApproval());

        assertThat(modified.statusCode()).as(modified.body()).isEqualTo(403);
        assertThat(tasks.createTaskQuery().taskId(approval.getId()).count()).isEqualTo(1);
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(approval.getProcessInstanceId())
                        .count())
                .isZero();
    }

    @Test
    void anAdministratorsSkipBooksNothingAndFailsWithTheReasonAManagerMayRetryIt() throws Exception {
        Task approval = approvalRequestedBy(manager, "CLUB_MANAGER", "CLUB_STAFF");
        String instance = approval.getProcessInstanceId();
        long balance = balance();

        HttpResponse<String> modified =
                loggedIn(admin).json("POST", API + "/process-instance/" + instance + "/modification", skipApproval());
        assertThat(modified.statusCode()).as(modified.body()).isEqualTo(204);

        Incident incident = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> runtime.createIncidentQuery()
                                .processInstanceId(instance)
                                .singleResult(),
                        i -> i != null);
        assertThat(incident.getIncidentMessage()).contains("NO_ASSIGNEE");
        assertThat(balance()).isEqualTo(balance);

        HttpResponse<String> retried = loggedIn(manager)
                .json("PUT", API + "/job/" + incident.getConfiguration() + "/retries", "{\"retries\":1}");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(204);
        assertThat(balance()).as("the retry is refused again").isEqualTo(balance);
    }

    @Test
    void aManagerCannotConfirmAnApplicantsAddressForThem() throws Exception {
        long applicationId = membership
                .submit(TestQuestionnaires.submission(TestQuestionnaires.adult(TestQuestionnaires.newEmail())))
                .orElseThrow()
                .value();
        ProcessInstance onboarding = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> runtime.createProcessInstanceQuery()
                                .processDefinitionKey(MembershipOnboardingProcess.PROCESS_ID)
                                .variableValueEquals(MembershipOnboardingProcess.APPLICATION_ID.name(), applicationId)
                                .activityIdIn(MembershipOnboardingProcess.TASK_AWAIT_CONFIRMATION)
                                .singleResult(),
                        pi -> pi != null);

        HttpResponse<String> correlated = loggedIn(manager)
                .json(
                        "POST",
                        API + "/message",
                        "{\"messageName\":\""
                                + MembershipOnboardingProcess.MESSAGE_APPLICANT_CONFIRMED
                                + "\",\"processInstanceId\":\""
                                + onboarding.getId() + "\"}");

        assertThat(correlated.statusCode()).as(correlated.body()).isEqualTo(403);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(onboarding.getId())
                        .activityIdIn(MembershipOnboardingProcess.TASK_AWAIT_CONFIRMATION)
                        .count())
                .isEqualTo(1);
    }

    @Test
    void staffReadCockpitButTasklistIsOnlyForAdministrators() throws Exception {
        Task approval = approvalRequestedBy(colleague, "CLUB_MANAGER", "CLUB_STAFF");
        WebSession session = loggedIn(manager);

        HttpResponse<String> user = session.get("/camunda/api/admin/auth/user/default");
        assertThat(user.body()).contains("cockpit").doesNotContain("tasklist");
        assertThat(session.get(API + "/process-instance/" + approval.getProcessInstanceId())
                        .statusCode())
                .isEqualTo(200);
        assertThat(session.get(API + "/task?processInstanceId=" + approval.getProcessInstanceId())
                        .body())
                .as("tasks are readable in Cockpit")
                .contains(approval.getId());
        assertThat(loggedIn(admin).get("/camunda/api/admin/auth/user/default").body())
                .contains("tasklist");
    }

    private static final long REQUESTED = 40;
    private long balanceBefore;

    /** A request for {@value #REQUESTED} points by the user; @return its approval task */
    private Task approvalRequestedBy(String username, String... roles) {
        actAs(username, roles);
        balanceBefore = balance();
        String businessKey = pointsService.requestAdjustment(memberId, REQUESTED, "Чек 77 не засчитан");
        SecurityContextHolder.clearContext();
        return tasks.createTaskQuery()
                .processInstanceBusinessKey(businessKey)
                .taskDefinitionKey(PointsAdjustmentProcess.TASK_APPROVE_ADJUSTMENT)
                .singleResult();
    }

    private long balance() {
        return jdbc.sql("SELECT balance FROM loyalty_account WHERE member_id = :m")
                .param("m", memberId)
                .query(Long.class)
                .single();
    }

    private static String skipApproval() {
        return "{\"skipCustomListeners\":true,\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\""
                + PointsAdjustmentProcess.TASK_BOOK_ADJUSTMENT + "\"},{\"type\":\"cancel\",\"activityId\":\""
                + PointsAdjustmentProcess.TASK_APPROVE_ADJUSTMENT + "\"}]}";
    }

    private void account(String username, String... roles) {
        String password = UUID.randomUUID().toString();
        staff.save(
                new StaffAccount(username, "Тест", username, username + "@clientclub.local", Set.of(roles)), password);
        passwords.put(username, password);
    }

    private WebSession loggedIn(String username) throws Exception {
        WebSession session = new WebSession(port);
        assertThat(WebSession.loggedIn(session.login(username, passwords.get(username))))
                .isTrue();
        // as a browser does: the webapps take the user over from the app's session when one of their pages opens
        assertThat(session.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        return session;
    }

    private static void actAs(String username, String... roles) {
        var authorities = Arrays.stream(roles)
                .map(r -> new SimpleGrantedAuthority("ROLE_" + r))
                .toList();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
    }
}
