package cn.city.party.e2e.web;

import cn.city.party.infra.local.LocalPlatform;
import cn.city.party.infra.local.PlatformSettings;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.TimeoutError;
import com.microsoft.playwright.options.WaitForSelectorState;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Not a test: the first render of two pages in the machine's Chromium, against a platform with the demo data, warm (the
 * platform has served the page before, the browser is signed in and has the page's files cached):
 * <ul>
 *   <li>the work committee's city dashboard ({@code /committee} as {@code work-committee}): the API calls it makes
 *   and the time from navigation to its charts drawn (the last canvas draw of any chart once every call has
 *   answered);</li>
 *   <li>the member's 首页 ({@code /member} as {@code caizheng-member}, at 375 × 812): the time from navigation to
 *   the tasks shown (the last change of the page once every call has answered, no skeleton left).</li>
 * </ul>
 * Each run is a fresh page load (a new tab typing the address) in the same signed-in browser context; times are the
 * page's own clock ({@code performance.now()}, 0 = navigation start). Prints each page's API calls and the percentiles.
 *
 * <pre>
 * java -cp … cn.city.party.e2e.web.FirstRenderBenchmark [gatewayUrl] [runs]        # a running platform
 * java -cp … cn.city.party.e2e.web.FirstRenderBenchmark --own-platform [runs]      # starts a private one
 * </pre>
 */
public final class FirstRenderBenchmark {

    private static final int WARM_UP = 5;
    /**
     * Installed before any of the page's scripts: the time of the last draw on any canvas (ECharts draws with the 2D
     * context) and of the last change of the document.
     */
    private static final String PROBE = """
            (() => {
              window.__lastDraw = 0; window.__lastChange = 0;
              const p = CanvasRenderingContext2D.prototype;
              for (const m of ['fill', 'stroke', 'fillText', 'fillRect', 'drawImage']) {
                const draw = p[m];
                p[m] = function (...a) { window.__lastDraw = performance.now(); return draw.apply(this, a) };
              }
              new MutationObserver(() => { window.__lastChange = performance.now() })
                .observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
            })()""";
    /** After two animation frames, what the page did: its API calls (path and timing) and the last draw and change. */
    private static final String REPORT = """
            () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done({
              lastDraw: window.__lastDraw, lastChange: window.__lastChange,
              calls: performance.getEntriesByType('resource').filter(e => new URL(e.name).pathname.startsWith('/api/'))
                .map(e => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd }))
            }))))""";

    private FirstRenderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--own-platform")) {
            PlatformSettings settings = PlatformSettings.forTests(Path.of("..").toAbsolutePath().normalize(),
                    Files.createTempDirectory("platform-bench"), Map.of("PLATFORM_DEMO_DATA_ENABLED", "true"));
            try (LocalPlatform platform = new LocalPlatform(settings).start()) {
                run(settings.gatewayUrl(), args.length > 1 ? Integer.parseInt(args[1]) : 30);
            }
            return;
        }
        run(args.length > 0 ? args[0] : "http://localhost:8080", args.length > 1 ? Integer.parseInt(args[1]) : 30);
    }

    private static void run(String gateway, int runs) {
        try (Playwright playwright = Chromium.playwright(); Browser browser = Chromium.launch(playwright)) {
            measure(browser, gateway, runs, "city dashboard (/committee, work-committee, 1366 × 768)", "work-committee",
                    "/committee", new Browser.NewContextOptions().setViewportSize(1366, 768), "[data-test^='chart-'] canvas",
                    Sample::drawn);
            measure(browser, gateway, runs, "member 首页 (/member, caizheng-member, 375 × 812)", "caizheng-member",
                    "/member", new Browser.NewContextOptions().setViewportSize(375, 812).setIsMobile(true).setHasTouch(true),
                    "h1.page-title", Sample::changed);
        }
    }

    private record Call(String path, double start, double end) {
    }

    private record Sample(double drawn, double changed, List<Call> calls) {
        double lastAnswer() {
            return calls.stream().mapToDouble(Call::end).max().orElse(0);
        }
    }

    private static void measure(Browser browser, String gateway, int runs, String what, String username, String path,
                                Browser.NewContextOptions options, String shown, ToDoubleFunction<Sample> rendered) {
        try (BrowserContext context = browser.newContext(options.setLocale("zh-CN").setTimezoneId("Asia/Shanghai"))) {
            context.setDefaultTimeout(Chromium.TIMEOUT_MS);
            context.addInitScript(PROBE);
            Page signIn = context.newPage();
            Chromium.signIn(signIn, gateway, username, path);
            signIn.close();
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < WARM_UP + runs; i++) {
                Sample sample = load(context, gateway + path, shown);
                if (i >= WARM_UP) {
                    samples.add(sample);
                }
            }
            print(what, samples, rendered);
        }
    }

    /** One page load in a new tab: navigation, then every API call answered, nothing loading, then two frames. */
    @SuppressWarnings("unchecked")
    private static Sample load(BrowserContext context, String url, String shown) {
        Page page = context.newPage();
        Set<Request> inFlight = ConcurrentHashMap.newKeySet();
        page.onRequest(r -> {
            if (isApi(r)) {
                inFlight.add(r);
            }
        });
        page.onRequestFinished(inFlight::remove);
        page.onRequestFailed(inFlight::remove);
        page.navigate(url);
        page.locator(shown).first().waitFor();
        // the page's calls start when it is set up, before anything of it shows: by now they are all under way
        try {
            page.waitForCondition(inFlight::isEmpty);
        } catch (TimeoutError e) {
            throw new IllegalStateException("no answer within " + Chromium.TIMEOUT_MS / 1000 + " s to " + inFlight.stream().map(Request::url).toList(), e);
        }
        page.locator(".el-skeleton, .el-loading-mask, [aria-busy=true]").first().waitFor(
                new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));
        Map<String, Object> report = (Map<String, Object>) page.evaluate(REPORT);
        page.close();
        List<Call> calls = ((List<Map<String, Object>>) report.get("calls")).stream()
                .map(c -> new Call((String) c.get("path"), number(c.get("start")), number(c.get("end")))).toList();
        return new Sample(number(report.get("lastDraw")), number(report.get("lastChange")), calls);
    }

    private static boolean isApi(Request request) {
        return URI.create(request.url()).getPath().startsWith("/api/");
    }

    private static void print(String what, List<Sample> samples, ToDoubleFunction<Sample> rendered) {
        System.out.printf("%n== %s: %d runs after %d warm-up loads%n", what, samples.size(), WARM_UP);
        Sample first = samples.get(0);
        Map<String, Integer> calls = new TreeMap<>();
        first.calls().forEach(c -> calls.merge(c.path(), 1, Integer::sum));
        System.out.printf("API calls per load: %d%n", first.calls().size());
        calls.forEach((p, n) -> System.out.printf("  %2d × %s%n", n, p));
        printPercentiles("navigation → last API answer", samples.stream().mapToDouble(Sample::lastAnswer).toArray());
        printPercentiles("slowest single API call", samples.stream()
                .mapToDouble(s -> s.calls().stream().mapToDouble(c -> c.end() - c.start()).max().orElse(0)).toArray());
        printPercentiles("navigation → rendered", samples.stream().mapToDouble(rendered).toArray());
    }

    private static void printPercentiles(String label, double[] millis) {
        double[] sorted = Arrays.stream(millis).sorted().toArray();
        System.out.printf("  %-30s p50 %5.0f ms  p90 %5.0f ms  p99 %5.0f ms  min %5.0f ms  max %5.0f ms%n", label,
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted[0], sorted[sorted.length - 1]);
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }
}
