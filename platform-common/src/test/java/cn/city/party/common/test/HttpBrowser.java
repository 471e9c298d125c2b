package cn.city.party.common.test;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without JavaScript for tests of the sign-in flow: keeps cookies as a browser does for http://localhost,
 * follows redirects when asked, and fills in Keycloak's real login form (user name first, then the password, as
 * Keycloak asks with Organizations on).
 */
public final class HttpBrowser {

    private static final Pattern LOGIN_FORM = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    /** Keycloak's required-action form, e.g. "update password" after a one-time password. */
    private static final Pattern REQUIRED_ACTION_FORM = Pattern.compile("<form[^>]*action=\"([^\"]*login-actions/required-action[^\"]*)\"");

    /** A step that takes longer fails the test instead of hanging it. */
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final LocalhostCookies cookies = new LocalhostCookies();
    private final HttpClient following = client(HttpClient.Redirect.NORMAL);
    private final HttpClient stepping = client(HttpClient.Redirect.NEVER);

    private HttpClient client(HttpClient.Redirect redirects) {
        // HTTP/1.1 as browsers speak to a plain-http server (no h2c upgrade)
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(redirects).build();
    }

    /** The page last opened: where a sign-in started ({@link #signIn(HttpResponse, String, String)}). */
    private String lastOpened;

    /** Opens {@code url} as a page (Accept: text/html) and follows every redirect. */
    public HttpResponse<String> open(String url) {
        lastOpened = url;
        return send(following, HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Accept", "text/html").GET().build());
    }

    /** Sends one request without following redirects, so the test sees each step. */
    public HttpResponse<String> send(HttpRequest request) {
        return send(stepping, request.timeout().isPresent() ? request
                : HttpRequest.newBuilder(request, (name, value) -> true).timeout(TIMEOUT).build());
    }

    /** On a Keycloak login page: types the user name, then the password, and follows where Keycloak sends it. */
    public HttpResponse<String> signIn(HttpResponse<String> loginPage, String username) {
        return signIn(loginPage, username, Tokens.DEMO_PASSWORD);
    }

    /** As {@link #signIn(HttpResponse, String)}, with the user's own password. */
    public HttpResponse<String> signIn(HttpResponse<String> loginPage, String username, String password) {
        HttpResponse<String> passwordPage = submit(loginPage, "username=" + enc(username));
        if (!passwordPage.body().contains("name=\"password\"")) {
            throw new IllegalStateException("no password step after the user name on " + passwordPage.uri() + ":\n" + passwordPage.body());
        }
        try {
            return submit(passwordPage, "password=" + enc(password) + "&credentialId=");
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof java.net.http.HttpTimeoutException) || lastOpened == null) {
                throw e;
            }
            // the known stall of the gateway's sign-in callback (closing note of 1 December): a user opens the page
            // again, and Keycloak, already signed in, sends the browser straight back with a new code
            System.err.println("the sign-in of " + username + " got no answer; opening " + lastOpened + " again, as a user would");
            return open(lastOpened);
        }
    }

    /**
     * On Keycloak's "update password" page (its required action after a one-time password): types the new password
     * twice and follows where Keycloak sends the browser.
     */
    public HttpResponse<String> changePassword(HttpResponse<String> page, String newPassword) {
        Matcher action = REQUIRED_ACTION_FORM.matcher(page.body());
        if (!action.find() || !page.body().contains("password-new")) {
            throw new IllegalStateException("no update-password form on " + page.uri() + ":\n" + page.body());
        }
        try {
            return send(following, HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&"))).timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("password-new=" + enc(newPassword) + "&password-confirm="
                            + enc(newPassword))).build());
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof java.net.http.HttpTimeoutException) || lastOpened == null) {
                throw e;
            }
            // the password is changed; the redirect back met the gateway's sign-in callback stall (see signIn)
            System.err.println("the password change got no answer; opening " + lastOpened + " again, as a user would");
            return open(lastOpened);
        }
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Submits Keycloak's login form of {@code page} with {@code form} and follows the redirects. */
    public HttpResponse<String> submit(HttpResponse<String> page, String form) {
        Matcher action = LOGIN_FORM.matcher(page.body());
        if (!action.find()) {
            throw new IllegalStateException("no login form on " + page.uri() + ":\n" + page.body());
        }
        return send(following, HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&"))).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** The value of a cookie the browser holds for {@code url}, or null. */
    public String cookie(String url, String name) {
        return cookies.store().get(URI.create(url)).stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Browsers treat http://localhost as a secure context: cookies marked {@code Secure} (Keycloak's login session)
     * are still sent back there. Java's cookie manager would drop them.
     */
    private static final class LocalhostCookies extends CookieHandler {
        private final CookieManager manager = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

        java.net.CookieStore store() {
            return manager.getCookieStore();
        }

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) throws IOException {
            return manager.get(uri, requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> responseHeaders) throws IOException {
            Map<String, List<String>> insecure = new HashMap<>();
            responseHeaders.forEach((name, values) -> insecure.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList() : values));
            manager.put(uri, insecure);
        }
    }
}
