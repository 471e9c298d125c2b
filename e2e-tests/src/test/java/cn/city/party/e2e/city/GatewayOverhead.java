package cn.city.party.e2e.city;

import cn.city.party.common.test.Tokens;
import cn.city.party.e2e.Percentiles;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: what the gateway adds to one endpoint, measured in one run against the same service instance, directly
 * and through the gateway, with the same token. Light load: calls one at a time, alternating direct and gateway, so
 * both see the same machine; the overhead is the difference of the medians (and of the 95th percentiles). Throughput:
 * a closed loop of N concurrent callers for a fixed time on each path; the ratio is gateway over direct.
 *
 * <pre>
 * java -cp … cn.city.party.e2e.city.GatewayOverhead [--gateway http://localhost:8080] [--direct http://localhost:8082]
 *     [--keycloak http://localhost:8180] [--user caizheng-secretary] [--path /api/activities?size=1]
 *     [--calls 2000] [--concurrency 16] [--seconds 15]
 * </pre>
 */
public final class GatewayOverhead {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GatewayOverhead() {
    }

    public static void main(String[] args) throws Exception {
        ProgramOptions options = ProgramOptions.of("GatewayOverhead").option("gateway", "http://localhost:8080")
                .option("direct", "http://localhost:8082").option("keycloak", "http://localhost:8180")
                .option("user", "caizheng-secretary").option("path", "/api/activities?size=1").option("calls", "2000")
                .option("concurrency", "16").option("seconds", "15").parse(args);
        String gateway = options.text("gateway");
        String direct = options.text("direct");
        String path = options.text("path");
        int calls = options.integer("calls");
        int concurrency = options.integer("concurrency");
        int seconds = options.integer("seconds");
        String token = Tokens.request(options.text("keycloak"), Tokens.CLI_CLIENT, options.text("user"))
                .path("access_token").asString();

        for (int i = 0; i < 200; i++) { // warm both paths (JIT, connection pools)
            call(direct + path, token);
            call(gateway + path, token);
        }
        List<Long> viaDirect = new ArrayList<>();
        List<Long> viaGateway = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            viaDirect.add(call(direct + path, token));
            viaGateway.add(call(gateway + path, token));
        }
        long failures = viaDirect.stream().filter(n -> n < 0).count() + viaGateway.stream().filter(n -> n < 0).count();
        if (failures > 0) {
            System.out.printf("  %d calls failed and are left out%n", failures);
        }
        viaDirect.removeIf(n -> n < 0);
        viaGateway.removeIf(n -> n < 0);
        viaDirect.sort(null);
        viaGateway.sort(null);
        System.out.printf("light load, %d calls each of GET %s, one at a time:%n", calls, path);
        System.out.printf("  direct   p50 %.2f ms  p95 %.2f ms  p99 %.2f ms%n", ms(viaDirect, 50), ms(viaDirect, 95), ms(viaDirect, 99));
        System.out.printf("  gateway  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms%n", ms(viaGateway, 50), ms(viaGateway, 95), ms(viaGateway, 99));
        System.out.printf("  overhead p50 +%.2f ms  p95 +%.2f ms%n", ms(viaGateway, 50) - ms(viaDirect, 50),
                ms(viaGateway, 95) - ms(viaDirect, 95));

        double directRate = throughput(direct + path, token, concurrency, seconds);
        double gatewayRate = throughput(gateway + path, token, concurrency, seconds);
        System.out.printf("throughput, %d callers for %d s each: direct %.0f/s, gateway %.0f/s, ratio %.2f%n",
                concurrency, seconds, directRate, gatewayRate, gatewayRate / directRate);
    }

    private static double throughput(String url, String token, int concurrency, int seconds) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        for (int i = 0; i < concurrency; i++) {
            pool.submit(() -> {
                while (System.nanoTime() < end) {
                    if (call(url, token) >= 0) {
                        done.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 30L, TimeUnit.SECONDS);
        if (failed.get() > 0) {
            System.out.printf("  %s: %d calls failed%n", url, failed.get());
        }
        return done.get() / (double) seconds;
    }

    /** Nanoseconds of one call, or -1 when it failed (a status other than 200, or no answer). */
    private static long call(String url, String token) {
        long t0 = System.nanoTime();
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200 ? System.nanoTime() - t0 : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static double ms(List<Long> sortedNanos, int p) {
        return Percentiles.nearestRank(sortedNanos, p) / 1e6;
    }
}
