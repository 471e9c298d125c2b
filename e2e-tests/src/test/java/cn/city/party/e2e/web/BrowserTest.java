package cn.city.party.e2e.web;

import cn.city.party.e2e.RunningPlatform;
import cn.city.party.infra.local.LocalPlatform;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser tests: the machine's Chromium driven by Playwright against the whole platform with its demo data (started once
 * per test JVM by {@link RunningPlatform#withDemoData()}), signing in on Keycloak's real page. Each test gets a fresh browser context (no
 * cookies) and a page; helpers keep tests short and free of page objects:
 * {@link #signIn(String)}, {@link #open(String)}, {@link #screenshot(String)}, {@link #phone()}.
 * <p>
 * {@code -Dscreenshots=true} saves {@link #screenshot(String)}s as {@code docs/screenshots/<name>.png};
 * {@code -Dchromium=/path} uses another Chromium than {@value Chromium#DEFAULT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    /** A desktop screen; {@link #phone()} switches to a 375 px wide phone. */
    static final int WIDTH = 1366;
    static final int HEIGHT = 768;

    protected LocalPlatform platform;
    protected String gateway;
    protected String keycloak;
    protected Page page;
    /** Errors the page logged to the console (the app must log none). */
    protected final List<String> consoleErrors = new ArrayList<>();
    /** The page's requests still waiting for their answer (named when a page does not finish loading). */
    private final Set<Request> unanswered = ConcurrentHashMap.newKeySet();
    /** Whether the page's renderer died (its requests then never get an answer). */
    private volatile boolean crashed;

    /**
     * A test that fails says where its page was, what it showed and which of its requests had no answer (a hang is
     * not a slow page); said while the page is still open, before {@link #closeContext()}.
     */
    @RegisterExtension
    final TestExecutionExceptionHandler describingThePageOnFailure = (test, cause) -> {
        String shown;
        if (crashed) {
            shown = "a page whose renderer crashed";
        } else {
            try {
                shown = page.url() + " showing \"" + abbreviate(page.locator("body").innerText(
                        new com.microsoft.playwright.Locator.InnerTextOptions().setTimeout(5_000))) + "\"";
            } catch (PlaywrightException unreadable) {
                shown = page.url() + ", its text unreadable (" + unreadable.getMessage().lines().findFirst().orElse("") + ")";
            }
        }
        cause.addSuppressed(new AssertionError("the page was at " + shown + "; no answer yet to "
                + unanswered.stream().map(r -> r.method() + " " + r.url()).toList()));
        if (!unanswered.isEmpty()) {
            dumpGatewayThreads(test.getDisplayName());
        }
        throw cause;
    };

    private Playwright playwright;
    private Browser browser;
    private BrowserContext context;

    @BeforeAll
    void startBrowser() {
        platform = RunningPlatform.withDemoData();
        gateway = platform.settings().gatewayUrl();
        keycloak = platform.settings().effectiveKeycloakUrl();
        playwright = Chromium.playwright();
        PlaywrightAssertions.setDefaultAssertionTimeout(Chromium.TIMEOUT_MS);
        browser = Chromium.launch(playwright);
    }

    @BeforeEach
    void newContext() {
        useContext(new Browser.NewContextOptions().setViewportSize(WIDTH, HEIGHT));
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @AfterAll
    void stopBrowser() {
        browser.close();
        playwright.close();
    }

    /** From now on a phone: 375 × 812, touch, a fresh context (sign in again). */
    protected void phone() {
        context.close();
        useContext(new Browser.NewContextOptions().setViewportSize(375, 812).setIsMobile(true).setHasTouch(true)
                .setDeviceScaleFactor(2));
    }

    /** Signs in as a demo user through Keycloak's page and waits until the browser is back at the gateway's {@code /}. */
    protected void signIn(String username) {
        signIn(username, "/");
    }

    /** Signs in through {@code /sign-in?next=…} (as the app does when a session has ended) and lands on {@code next}. */
    protected void signIn(String username, String next) {
        namingUnanswered("sign-in", () -> Chromium.signIn(page, gateway, username, next));
    }

    /** On Keycloak's sign-in page: the user name, then (a second step when Keycloak asks for it) the password. */
    protected void typeCredentials(String username) {
        namingUnanswered("sign-in", () -> Chromium.typeCredentials(page, username));
    }

    /** Opens a path of the gateway (or a full URL) as a user typing it would, and answers the main response. */
    protected Response open(String pathOrUrl) {
        return page.navigate(pathOrUrl.startsWith("http") ? pathOrUrl : gateway + pathOrUrl);
    }

    /** With {@code -Dscreenshots=true}: the viewport (a screen's worth, kept small) as {@code docs/screenshots/<name>.png}. */
    protected void screenshot(String name) {
        if (Boolean.getBoolean("screenshots")) {
            Path root = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
            page.screenshot(new Page.ScreenshotOptions().setPath(root.resolve("docs/screenshots/" + name + ".png")));
        }
    }

    /**
     * Waits until nothing on the page says it is loading: no loading mask, no skeleton, nothing {@code aria-busy}. Call
     * it once the page itself is shown (its heading asserted): before the page is set up there is nothing loading yet.
     * (Not the network going quiet, Playwright's NETWORKIDLE: no user sees it, and on the busy build machine it timed
     * out after full page loads.)
     */
    protected void settle() {
        namingUnanswered("loading", () ->
                PlaywrightAssertions.assertThat(page.locator(".el-loading-mask, .el-skeleton, [aria-busy=true]")).hasCount(0));
        // and nothing of it failed to load (PageState's error state)
        PlaywrightAssertions.assertThat(page.getByText("加载失败", new Page.GetByTextOptions().setExact(true))).hasCount(0);
    }

    /** Runs a step; when it times out, says which of the page's requests were still without an answer. */
    private void namingUnanswered(String step, Runnable run) {
        try {
            run.run();
        } catch (AssertionError | PlaywrightException e) {
            throw new AssertionError(step + " did not finish; no answer yet to " + unanswered.stream()
                    .map(r -> r.method() + " " + r.url()).toList(), e);
        }
    }

    /** The body's visible text. */
    protected String text() {
        return page.locator("body").innerText();
    }

    /**
     * A request the gateway never answered: its threads at that moment, in {@code target/gateway-threads-<test>.txt},
     * and its event-loop threads on the console (a blocked loop holds every connection it serves).
     */
    private void dumpGatewayThreads(String test) {
        platform.pidOf("gateway").ifPresent(pid -> {
            try {
                Path dump = Path.of("target", "gateway-threads-" + test.replaceAll("\\W+", "_") + ".txt");
                Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        String.valueOf(pid), "Thread.print").redirectErrorStream(true).redirectOutput(dump.toFile()).start();
                if (jcmd.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    String threads = java.nio.file.Files.readString(dump);
                    System.err.println("gateway threads (" + dump.toAbsolutePath() + "), its event loops:");
                    for (String thread : threads.split("\n\n")) {
                        if (thread.contains("reactor-http") || thread.contains("parallel-")) {
                            System.err.println(thread);
                        }
                    }
                }
            } catch (java.io.IOException e) {
                System.err.println("no thread dump of the gateway: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 300 ? line : line.substring(0, 300) + "…";
    }

    private void useContext(Browser.NewContextOptions options) {
        context = browser.newContext(options.setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
        context.setDefaultTimeout(Chromium.TIMEOUT_MS);
        page = context.newPage();
        unanswered.clear();
        crashed = false;
        page.onCrash(dead -> crashed = true);
        page.onRequest(unanswered::add);
        page.onRequestFinished(unanswered::remove);
        page.onRequestFailed(unanswered::remove);
        consoleErrors.clear();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                consoleErrors.add(message.text());
            }
        });
    }
}
