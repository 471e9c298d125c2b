package cn.city.party.e2e.web;

import cn.city.party.common.test.Tokens;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The machine's Chromium under Playwright, for the browser tests and the browser benchmarks alike: launched from
 * {@value #DEFAULT} (or {@code -Dchromium=/path}), never a downloaded browser; and Keycloak's sign-in page filled in.
 */
public final class Chromium {

    static final String DEFAULT = "/usr/bin/chromium";
    /**
     * How long an action, a navigation or an expectation may take (Playwright's default is 30 s): the whole platform
     * shares two cores with other builds, and at a load average of 40 one sign-in (Keycloak's password hash, the
     * gateway's code exchange) took longer than 30 s.
     */
    public static final double TIMEOUT_MS = 90_000;
    /** How long a sign-in may take before the link is opened again ({@link #signIn}). */
    static final double CALLBACK_MS = 30_000;

    private Chromium() {
    }

    /** Playwright without its browser download (this machine's Chromium is used instead). */
    public static Playwright playwright() {
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    }

    public static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("chromium", DEFAULT)))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        // containers often give /dev/shm 64 MB, too little for a renderer: a page then dies silently
                        "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
    }

    /** On Keycloak's sign-in page: the user name, then (a second step when Keycloak asks for it) the demo password. */
    public static void typeCredentials(Page page, String username) {
        page.locator("#username").fill(username);
        if (page.locator("#password").count() == 0) {
            page.locator("#kc-login").click();
        }
        page.locator("#password").fill(Tokens.DEMO_PASSWORD);
        page.locator("#kc-login").click();
    }

    /**
     * Signs in through the gateway's {@code /sign-in?next=…} and waits until the browser is back at the gateway.
     * <p>
     * Now and then a sign-in used to get no answer: Reactor Netty left the browser's keep-alive connection unread (the
     * gateway now closes each connection after its answer; {@code KeepAliveTest}). Should a sign-in hang all the same,
     * this helper does what a user facing the spinning page does: it opens the link again and, where Keycloak shows its
     * form again, signs in again; once, and it says so on the console with where the page was, so the case is seen.
     */
    public static void signIn(Page page, String gateway, String username, String next) {
        String signIn = gateway + "/sign-in?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
        java.util.function.Predicate<String> back = url -> url.startsWith(gateway + "/") && !url.contains("/login/oauth2/");
        page.navigate(signIn);
        typeCredentials(page, username);
        try {
            page.waitForURL(back, new Page.WaitForURLOptions().setTimeout(CALLBACK_MS));
        } catch (com.microsoft.playwright.TimeoutError unanswered) {
            System.err.println("the sign-in of " + username + " did not come back in " + (int) (CALLBACK_MS / 1000)
                    + " s (the page at " + page.url().replaceFirst("\\?.*", "") + "); opening the sign-in link again, as a user would");
            page.navigate(signIn);
            if (!back.test(page.url()) && page.locator("#username").count() > 0) {
                typeCredentials(page, username);
            }
            page.waitForURL(back);
        }
    }
}
