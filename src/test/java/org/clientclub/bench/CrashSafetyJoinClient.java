package org.clientclub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An applicant's browser without the browser: the public join page is a Vaadin view and has no other HTTP entry,
 * so this speaks Vaadin's own client-server protocol to it, as the page's JavaScript does. It opens the page,
 * navigates to the view, loads the region list, fills in the fields and presses "next", ticks the consent and
 * presses "submit", then closes the page (the unload beacon, which frees the server's UI). Accepted means the
 * thank-you text came back. It also presses a confirmation link: the page, then its form with the CSRF token.
 */
final class CrashSafetyJoinClient {

    /** The app did not answer (connection refused or cut, an error status, an expired session). */
    static final class Unanswered extends Exception {
        /** Whether the question that got no answer was the final "submit": the app may have stored it. */
        final boolean atSubmit;

        Unanswered(String message, boolean atSubmit, Throwable cause) {
            super(message, cause);
            this.atSubmit = atSubmit;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Map<String, Object> CLICK = Map.of(
            "event.shiftKey",
            false,
            "event.metaKey",
            false,
            "event.detail",
            1,
            "event.ctrlKey",
            false,
            "event.clientX",
            0,
            "event.clientY",
            0,
            "event.altKey",
            false,
            "event.button",
            0,
            "event.screenY",
            0,
            "event.screenX",
            0);

    private final URI base;
    private final HttpClient http;

    CrashSafetyJoinClient(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** One page, one Vaadin UI: what the browser keeps between its requests. */
    private final class Page {
        String cookie = "";
        String securityKey;
        int uiId;
        int syncId;
        int clientId;
        boolean atSubmit;
        final Map<String, Integer> nodeById = new HashMap<>();
        final Map<Integer, List<Integer>> children = new HashMap<>();
        final Map<Integer, String> values = new HashMap<>();
        JsonNode last;

        String get(String path) throws Unanswered {
            HttpResponse<String> response =
                    send(HttpRequest.newBuilder(base.resolve(path)).GET());
            return response.body();
        }

        JsonNode rpc(List<Map<String, Object>> invocations) throws Unanswered {
            Map<String, Object> body =
                    Map.of("csrfToken", securityKey, "rpc", invocations, "syncId", syncId, "clientId", clientId);
            String text = send(HttpRequest.newBuilder(base.resolve("/?v-r=uidl&v-uiId=" + uiId))
                            .header("Content-Type", "application/json; charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.ofString(json(body))))
                    .body();
            JsonNode answer = parse(text.startsWith("for(;;);") ? text.substring(8) : text);
            JsonNode uidl = answer.isArray() ? answer.get(0) : answer;
            if (uidl.path("meta").path("sessionExpired").asBoolean(false)) {
                throw new Unanswered("session expired", atSubmit, null);
            }
            read(uidl);
            return uidl;
        }

        void read(JsonNode uidl) {
            syncId = uidl.path("syncId").asInt(syncId);
            clientId = uidl.path("clientId").asInt(clientId);
            for (JsonNode change : uidl.path("changes")) {
                int node = change.path("node").asInt();
                int feature = change.path("feat").asInt(-1);
                String key = change.path("key").asText("");
                if (feature == 3 && key.equals("id")) {
                    nodeById.put(change.path("value").asText(), node);
                } else if (feature == 1 && key.equals("value")) {
                    values.put(node, change.path("value").asText());
                } else if (feature == 2 && change.has("addNodes")) {
                    List<Integer> added = new ArrayList<>();
                    change.path("addNodes").forEach(n -> added.add(n.asInt()));
                    children.merge(node, added, (a, b) -> {
                        a.addAll(b);
                        return a;
                    });
                }
            }
            last = uidl;
        }

        int node(String id) {
            Integer node = nodeById.get(id);
            if (node == null) {
                throw new IllegalStateException("No element " + id + " on the page");
            }
            return node;
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws Unanswered {
            if (!cookie.isEmpty()) {
                request.header("Cookie", cookie);
            }
            try {
                HttpResponse<String> response = http.send(
                        request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                response.headers().allValues("set-cookie").forEach(c -> {
                    Matcher m = SESSION.matcher(c);
                    if (m.find()) {
                        cookie = "JSESSIONID=" + m.group(1);
                    }
                });
                if (response.statusCode() != 200) {
                    throw new Unanswered("HTTP " + response.statusCode(), atSubmit, null);
                }
                return response;
            } catch (IOException e) {
                throw new Unanswered(e.toString(), atSubmit, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Unanswered("interrupted", atSubmit, e);
            }
        }
    }

    /**
     * Fills in and submits the questionnaire for one applicant.
     *
     * @return whether the page thanked the applicant
     * @throws Unanswered when the app did not answer one of the page's requests
     */
    boolean submit(String email) throws Unanswered {
        Page page = new Page();
        page.get("/join");
        JsonNode init = parse(page.get("/?v-r=init&location=join&query="));
        JsonNode config = init.path("appConfig");
        page.uiId = config.path("v-uiId").asInt();
        page.securityKey = config.path("uidl").path("Vaadin-Security-Key").asText();
        page.read(config.path("uidl"));
        page.rpc(List.of(Map.of(
                "type",
                "event",
                "node",
                1,
                "event",
                "ui-navigate",
                "data",
                Map.of(
                        "route",
                        "join",
                        "query",
                        "",
                        "appShellTitle",
                        "",
                        "historyState",
                        Map.of("idx", 0),
                        "trigger",
                        ""))));
        int region = page.node("field-region");
        JsonNode items = page.rpc(List.of(Map.of(
                "type",
                "publishedEventHandler",
                "node",
                region,
                "templateEventMethodName",
                "setViewportRange",
                "templateEventMethodArgs",
                List.of(0, 100, ""),
                "promise",
                0)));
        Matcher moscow = Pattern.compile("\"key\":\"(\\d+)\",\"label\":\"Москва\"")
                .matcher(items.path("execute").toString());
        if (!moscow.find()) {
            throw new IllegalStateException("No region Москва in " + items);
        }
        List<Map<String, Object>> fill = new ArrayList<>();
        value(fill, page.node("field-lastName"), "Иванова", "change");
        value(fill, page.node("field-firstName"), "Мария", "change");
        value(fill, page.node("field-email"), email, "change");
        value(fill, page.node("field-birthDate"), "1980-01-01", "change");
        value(fill, region, moscow.group(1), "value-changed");
        value(fill, page.node("field-town"), "Москва", "change");
        value(fill, page.node("field-postcode"), "101000", "change");
        int interests = page.node("field-interests");
        value(fill, interests, List.of(firstChoice(page, interests)), "value-changed");
        int ready = page.node("field-readyForInteraction");
        // The choices are yes, then no.
        value(fill, ready, firstChoice(page, ready), "value-changed");
        fill.add(click(page.node("join-next")));
        page.rpc(fill);

        List<Map<String, Object>> consent = new ArrayList<>();
        int accept = page.node("consent-accept");
        consent.add(Map.of("type", "mSync", "node", accept, "feature", 1, "property", "checked", "value", true));
        consent.add(Map.of("type", "event", "node", accept, "event", "checked-changed", "data", Map.of()));
        consent.add(click(page.node("join-submit")));
        page.atSubmit = true;
        page.rpc(consent);
        boolean thanked = page.nodeById.containsKey("join-thanks");
        if (!thanked) {
            throw new IllegalStateException("Not accepted, the page answered " + page.last);
        }
        close(page);
        return true;
    }

    /** Presses the link's button. @return whether the page said the address is confirmed (now or before) */
    boolean confirm(String token) throws Unanswered {
        Page page = new Page();
        String form = page.get("/confirm/" + token);
        Matcher csrf = CSRF.matcher(form);
        if (!csrf.find()) {
            return form.contains("id=\"result\" class=\"message\"");
        }
        String answer = page.send(HttpRequest.newBuilder(base.resolve("/confirm/" + token))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))))
                .body();
        return answer.contains("id=\"result\" class=\"message\"");
    }

    /** What the browser sends when the tab closes; without it the server keeps the UI for a quarter of an hour. */
    private void close(Page page) {
        Map<String, Object> body = Map.of(
                "csrfToken",
                page.securityKey,
                "rpc",
                List.of(),
                "syncId",
                page.syncId,
                "clientId",
                page.clientId,
                "UNLOAD",
                true);
        try {
            page.send(HttpRequest.newBuilder(base.resolve("/?v-r=uidl&v-uiId=" + page.uiId))
                    .header("Content-Type", "text/plain;charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json(body))));
        } catch (Unanswered e) {
            // The questionnaire is in; a lost beacon only leaves a UI to expire.
        }
    }

    private static String firstChoice(Page page, int group) {
        return Optional.ofNullable(page.children.get(group))
                .flatMap(c ->
                        c.stream().map(page.values::get).filter(v -> v != null).findFirst())
                .orElseThrow(() -> new IllegalStateException("No choices in node " + group));
    }

    private static void value(List<Map<String, Object>> rpc, int node, Object value, String event) {
        rpc.add(Map.of("type", "mSync", "node", node, "feature", 1, "property", "value", "value", value));
        rpc.add(Map.of("type", "event", "node", node, "event", event, "data", Map.of()));
    }

    private static Map<String, Object> click(int node) {
        return Map.of("type", "event", "node", node, "event", "click", "data", CLICK);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + text, e);
        }
    }
}
