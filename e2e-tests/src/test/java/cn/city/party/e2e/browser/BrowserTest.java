package cn.city.party.e2e.browser;

import cn.city.party.common.test.Tokens;
import cn.city.party.e2e.RunningPlatform;
import cn.city.party.infra.local.LocalPlatform;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Browser tests: the machine's Chromium driven by Playwright against the whole platform with its demo data (started once
 * per test JVM by {@link RunningPlatform#withDemoData()}), signing in on Keycloak's real page. Each test gets a fresh browser context (no
 * cookies) and a page; helpers keep tests short and free of page objects:
 * {@link #signIn(String)}, {@link #open(String)}, {@link #screenshot(String)}, {@link #phone()}.
 * <p>
 * {@code -Dscreenshots=true} saves {@link #screenshot(String)}s as {@code docs/screenshots/<name>.png};
 * {@code -Dchromium=/path} uses another Chromium than {@value #CHROMIUM}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    static final String CHROMIUM = "/usr/bin/chromium";
    /** A desktop screen; {@link #phone()} switches to a 375 px wide phone. */
    static final int WIDTH = 1366;
    static final int HEIGHT = 768;

    protected LocalPlatform platform;
    protected String gateway;
    protected String keycloak;
    protected Page page;
    /** Errors the page logged to the console (the app must log none). */
    protected final List<String> consoleErrors = new ArrayList<>();

    private Playwright playwright;
    private Browser browser;
    private BrowserContext context;

    @BeforeAll
    void startBrowser() {
        platform = RunningPlatform.withDemoData();
        gateway = platform.settings().gatewayUrl();
        keycloak = platform.settings().effectiveKeycloakUrl();
        // Playwright would download its own browsers; this machine's Chromium is used instead
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        // the whole platform shares two cores with its tests: a page may take a while to show its data
        PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(System.getProperty("chromium", CHROMIUM)))
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync")));
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
        open("/sign-in?next=" + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8));
        typeCredentials(username);
        page.waitForURL(url -> url.startsWith(gateway + "/") && !url.contains("/login/oauth2/"));
    }

    /** On Keycloak's sign-in page: the user name, then (a second step when Keycloak asks for it) the password. */
    protected void typeCredentials(String username) {
        page.locator("#username").fill(username);
        if (page.locator("#password").count() == 0) {
            page.locator("#kc-login").click();
        }
        page.locator("#password").fill(Tokens.DEMO_PASSWORD);
        page.locator("#kc-login").click();
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

    /** The body's visible text. */
    protected String text() {
        return page.locator("body").innerText();
    }

    private void useContext(Browser.NewContextOptions options) {
        context = browser.newContext(options.setLocale("zh-CN").setTimezoneId("Asia/Shanghai"));
        page = context.newPage();
        consoleErrors.clear();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                consoleErrors.add(message.text());
            }
        });
    }
}
