package org.clientclub.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.ServletException;
import java.util.ArrayList;
import java.util.List;
import org.clientclub.mail.internal.inbound.InboundFigures;
import org.clientclub.mail.internal.outbox.OutboxFigures;
import org.clientclub.security.AppRoles;
import org.clientclub.workflow.internal.EngineFigures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Who sees what of the actuator (decision 0032): health and its probes answer anyone with the status alone, ADMIN
 * sees the components and the metrics, staff without ADMIN and strangers get no metrics, and the endpoints that
 * give away the environment, the heap or the process itself are not there for anyone.
 */
@SpringBootTest
class ActuatorAccessTest {

    private static final RequestPostProcessor STAFF = user("actuator-staff").roles(AppRoles.CLUB_STAFF);
    private static final RequestPostProcessor MANAGER = user("actuator-manager").roles(AppRoles.CLUB_MANAGER);
    private static final RequestPostProcessor ADMIN = user("actuator-admin").roles(AppRoles.ADMIN);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** application-test.yaml's clientclub.metrics.password. */
    private static final String SCRAPE_PASSWORD = "test-scrape-credential-0123456789";

    @Autowired
    WebApplicationContext context;

    @Autowired
    PathMappedEndpoints endpoints;

    @Autowired
    OutboxFigures outbox;

    @Autowired
    InboundFigures inbound;

    @Autowired
    EngineFigures engine;

    MockMvc mvc;

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        outbox.refresh();
        inbound.refresh();
        engine.refresh();
    }

    @Test
    void anyoneGetsTheHealthStatusAloneWithoutComponentsOrDetails() throws Exception {
        for (String path : List.of("/actuator/health", "/actuator/health/email", "/actuator/health/engine")) {
            MockHttpServletResponse response = send(get(path));

            assertThat(response.getStatus()).as(path).isEqualTo(200);
            JsonNode health = JSON.readTree(response.getContentAsString());
            assertThat(health.path("status").asText()).as(path).isEqualTo("UP");
            assertThat(health.has("components")).as(path).isFalse();
            assertThat(health.has("details")).as(path).isFalse();
            assertThat(response.getContentAsString()).doesNotContain("postgres", "jdbc", "127.0.0.1", "dueJobs");
        }
    }

    @Test
    void theProbesAnswerAnyoneAndLivenessHangsOnNothingOutsideTheProcess() throws Exception {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            MockHttpServletResponse response = send(get(probe));

            assertThat(response.getStatus()).as(probe).isEqualTo(200);
            assertThat(JSON.readTree(response.getContentAsString())
                            .path("status")
                            .asText())
                    .isEqualTo("UP");
        }
        assertThat(components(send(get("/actuator/health/liveness").with(ADMIN))))
                .containsExactly("livenessState");
        assertThat(components(send(get("/actuator/health/readiness").with(ADMIN))))
                .containsExactlyInAnyOrder("readinessState", "db");
    }

    @Test
    void anAdministratorSeesEveryComponentWithItsDetails() throws Exception {
        MockHttpServletResponse response = send(get("/actuator/health").with(ADMIN));

        assertThat(response.getStatus()).isEqualTo(200);
        JsonNode health = JSON.readTree(response.getContentAsString());
        assertThat(components(response))
                .contains("db", "mail", "imap", "outbox", "jobExecutor", "livenessState", "readinessState")
                .doesNotContain("processEngine");
        assertThat(health.at("/components/jobExecutor/details/active").asBoolean())
                .isTrue();
        assertThat(health.at("/components/jobExecutor/details/dueJobs").isNumber())
                .isTrue();
        assertThat(health.at("/components/outbox/status").asText()).isEqualTo("UP");
        assertThat(health.at("/components/outbox/details/pending").isNumber()).isTrue();
        assertThat(components(send(get("/actuator/health/email").with(ADMIN))))
                .containsExactlyInAnyOrder("mail", "imap", "outbox");
    }

    @Test
    void strangersAreSentToTheLogInAndStaffWithoutAdminAreRefusedTheMetrics() throws Exception {
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator")) {
            MockHttpServletResponse anonymous = send(get(path));
            assertThat(anonymous.getStatus()).as(path).isIn(302, 401);
            if (anonymous.getStatus() == 302) {
                assertThat(anonymous.getRedirectedUrl()).as(path).endsWith("/login");
            }
            assertThat(anonymous.getContentAsString()).doesNotContain("clientclub_");
            for (RequestPostProcessor notAdmin : List.of(STAFF, MANAGER)) {
                MockHttpServletResponse staff = send(get(path).with(notAdmin));
                assertThat(staff.getStatus()).as(path).isEqualTo(403);
                assertThat(staff.getContentAsString()).doesNotContain("clientclub_");
            }
        }
    }

    @Test
    void staffWithoutAdminGetTheStatusOfHealthOnly() throws Exception {
        MockHttpServletResponse response = send(get("/actuator/health").with(STAFF));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(JSON.readTree(response.getContentAsString()).has("components"))
                .isFalse();
    }

    @Test
    void anAdministratorScrapesTheClubsMetrics() throws Exception {
        MockHttpServletResponse response = send(get("/actuator/prometheus").with(ADMIN));

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString())
                .contains(
                        "clientclub_mail_outbox_pending{",
                        "clientclub_mail_outbox_overdue{",
                        "clientclub_mail_outbox_oldest_pending_seconds{",
                        "clientclub_mail_outbox_last_day{application=\"client-club\",status=\"SENT\"}",
                        "clientclub_mail_outbox_last_day{application=\"client-club\",status=\"FAILED\"}",
                        "clientclub_mail_outbox_last_day{application=\"client-club\",status=\"PENDING\"}",
                        "clientclub_mail_inbound_last_day{application=\"client-club\",outcome=\"ANSWERED\"}",
                        "clientclub_engine_incidents_open{",
                        "clientclub_engine_jobs_due{",
                        "clientclub_engine_jobs_failed{",
                        "clientclub_engine_job_executor_active{application=\"client-club\"} 1.0",
                        "clientclub_loyalty_import_lines_total{application=\"client-club\",result=\"booked\"}",
                        "jvm_memory_used_bytes",
                        "hikaricp_connections_active");
        // The figures were read (setUp refreshes them as the schedule does): none is NaN, "not read yet".
        assertThat(response.getContentAsString().lines().filter(l -> l.startsWith("clientclub_")))
                .isNotEmpty()
                .noneMatch(l -> l.endsWith("NaN"));
    }

    @Test
    void prometheusScrapesWithItsCredentialWhichOpensNothingElseAndKeepsNoSession() throws Exception {
        MvcResult scrape = mvc.perform(get("/actuator/prometheus").with(httpBasic("prometheus", SCRAPE_PASSWORD)))
                .andReturn();

        assertThat(scrape.getResponse().getStatus()).isEqualTo(200);
        assertThat(scrape.getResponse().getContentAsString()).contains("clientclub_mail_outbox_pending{");
        assertThat(scrape.getRequest().getSession(false))
                .as("no session for a scraper")
                .isNull();

        for (RequestPostProcessor wrong : List.of(
                httpBasic("prometheus", SCRAPE_PASSWORD + "x"),
                httpBasic("admin", SCRAPE_PASSWORD),
                httpBasic("prometheus", ""))) {
            MvcResult refused =
                    mvc.perform(get("/actuator/prometheus").with(wrong)).andReturn();
            assertThat(refused.getResponse().getStatus()).isEqualTo(401);
            assertThat(refused.getResponse().getContentAsString()).doesNotContain("clientclub_");
            assertThat(refused.getRequest().getSession(false))
                    .as("a refused scrape leaves no session behind either")
                    .isNull();
        }
        for (String elsewhere : List.of("/actuator/metrics", "/actuator", "/camunda/api/engine/engine", "/inbox")) {
            MockHttpServletResponse response = send(get(elsewhere).with(httpBasic("prometheus", SCRAPE_PASSWORD)));
            assertThat(response.getStatus()).as(elsewhere).isIn(302, 401, 403);
            assertThat(response.getContentAsString()).as(elsewhere).doesNotContain("clientclub_", "\"names\"");
        }
    }

    @Test
    void aScrapeCredentialTooShortToWithstandGuessingStopsTheStart() {
        assertThatThrownBy(() -> MetricsScrapeSecurity.scraper("prometheus", "short-secret"))
                .hasMessageContaining("at least 20 characters")
                .hasMessageNotContaining("short-secret");
    }

    @Test
    void theEnvironmentTheHeapAndShutdownAreNotExposedToAnyone() throws Exception {
        List<String> hidden = List.of(
                "env", "heapdump", "threaddump", "shutdown", "beans", "configprops", "loggers", "mappings", "sessions");
        for (String id : hidden) {
            assertThat(endpoints.getEndpoint(EndpointId.of(id))).as(id).isNull();
        }
        JsonNode links = JSON.readTree(send(get("/actuator").with(ADMIN)).getContentAsString())
                .path("_links");
        List<String> exposed = new ArrayList<>();
        links.fieldNames().forEachRemaining(exposed::add);
        assertThat(exposed).contains("health", "prometheus").doesNotContainAnyElementsOf(hidden);
        for (String id : hidden) {
            assertThat(served(get("/actuator/" + id).with(ADMIN)))
                    .as(id)
                    .doesNotContain("propertySources", "activeProfiles", "\"contexts\"", "threads");
        }
        assertThat(served(post("/actuator/shutdown").with(ADMIN).with(csrf()))).doesNotContain("Shutting down");
        assertThat(((org.springframework.context.ConfigurableApplicationContext) context).isActive())
                .isTrue();
    }

    private List<String> components(MockHttpServletResponse response) throws Exception {
        List<String> names = new ArrayList<>();
        JSON.readTree(response.getContentAsString())
                .path("components")
                .fieldNames()
                .forEachRemaining(names::add);
        return names;
    }

    /**
     * What a request is answered with. No actuator handler takes a path that is not exposed: it goes on to Vaadin's
     * catch-all, which forwards to the Vaadin servlet that MockMvc does not have.
     */
    private String served(RequestBuilder request) throws Exception {
        try {
            MockHttpServletResponse response = send(request);
            assertThat(String.valueOf(response.getContentType())).doesNotContain("actuator");
            return response.getContentAsString();
        } catch (ServletException e) {
            assertThat(e).hasMessageContaining("springServlet");
            return "";
        }
    }

    private MockHttpServletResponse send(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }
}
