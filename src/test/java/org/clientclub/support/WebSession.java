package org.clientclub.support;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser's cookies against the test server: the staff log-in form, and the Camunda webapps' API with the
 * CSRF header those webapps ask for (X-XSRF-TOKEN, the value of their XSRF-TOKEN cookie). Redirects are not
 * followed, so a test sees where a log-in sends the browser.
 */
public final class WebSession {

    private final int port;
    private final String clientAddress;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** @param clientAddress sent as X-Forwarded-For, for a server that trusts it; null sends none */
    public WebSession(int port, String clientAddress) {
        this.port = port;
        this.clientAddress = clientAddress;
    }

    public WebSession(int port) {
        this(port, null);
    }

    /**
     * Opens the log-in page and posts its form as the browser does, with the CSRF token from the page's meta tags.
     * @return the response: a redirect, to /login?error when refused
     */
    public HttpResponse<String> login(String username, String password) throws Exception {
        String page = get("/login").body();
        String parameter = meta(page, "_csrf_parameter");
        String token = meta(page, "_csrf");
        if (parameter == null || token == null) {
            throw new IllegalStateException("The log-in page carries no CSRF token");
        }
        return post(
                "/login",
                "username=" + encode(username) + "&password=" + encode(password) + "&" + encode(parameter) + "="
                        + encode(token));
    }

    /** Posts the log-in form without a CSRF token, as another site's page would. */
    public HttpResponse<String> loginWithoutToken(String username, String password) throws Exception {
        return form("/login", username, password);
    }

    private static String meta(String html, String name) {
        Matcher m = Pattern.compile("<meta name=\"" + Pattern.quote(name) + "\" content=\"([^\"]*)\"")
                .matcher(html);
        return m.find() ? m.group(1) : null;
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Posts a user name and password as a log-in form does, to any address. */
    public HttpResponse<String> form(String path, String username, String password) throws Exception {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=" + encode(username) + "&password=" + encode(password))));
    }

    /** Whether the response sends the browser on into the app rather than back to the log-in. */
    public static boolean loggedIn(HttpResponse<String> login) {
        return login.statusCode() == 302
                && login.headers()
                        .firstValue("Location")
                        .filter(l -> !l.contains("login") && !l.contains("error"))
                        .isPresent();
    }

    public HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    /** A JSON request to the webapps' API, as Cockpit sends it. */
    public HttpResponse<String> json(String method, String path, String body) throws Exception {
        if (xsrfToken() == null) {
            // the webapps set their CSRF cookie on the first request to them
            get("/camunda/app/cockpit/default/");
        }
        return send(request(path)
                .header("Content-Type", "application/json")
                .header("X-XSRF-TOKEN", xsrfToken())
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body)));
    }

    private String xsrfToken() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        return request;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
