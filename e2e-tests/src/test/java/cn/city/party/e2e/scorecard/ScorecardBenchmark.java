package cn.city.party.e2e.scorecard;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.Tokens;
import cn.city.party.e2e.Percentiles;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Not a test: measures, against a running platform with its demo data, the time from a secretary recording a held
 * meeting (activity-service, through the gateway) to the branch's scorecard in org-service listing it among the
 * facts behind its compliance points. The path is activity-service's outbox → {@code party.activity.activity} →
 * its compliance read model → {@code party.activity.compliance} → org-service's scorecard facts → the scorecard query.
 * Meetings are recorded one after the other, each waited for, so each sample is one event's end-to-end latency.
 *
 * <pre>
 * java -cp … cn.city.party.e2e.scorecard.ScorecardBenchmark [gatewayUrl] [keycloakUrl] [events]
 * java -cp … cn.city.party.e2e.scorecard.ScorecardBenchmark --own-platform [events]   # starts a private platform
 * </pre>
 */
public final class ScorecardBenchmark {

    private ScorecardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--own-platform")) {
            // a private platform with the demo data, on free ports and a temporary state directory
            var settings = cn.city.party.infra.local.PlatformSettings.forTests(java.nio.file.Path.of("..").toAbsolutePath().normalize(),
                    java.nio.file.Files.createTempDirectory("platform-bench"), Map.of("PLATFORM_DEMO_DATA_ENABLED", "true"));
            try (var platform = new cn.city.party.infra.local.LocalPlatform(settings).start()) {
                run(settings.gatewayUrl(), settings.effectiveKeycloakUrl(), args.length > 1 ? Integer.parseInt(args[1]) : 1000);
            }
            return;
        }
        run(args.length > 0 ? args[0] : "http://localhost:8080", args.length > 1 ? args[1] : "http://localhost:8180",
                args.length > 2 ? Integer.parseInt(args[2]) : 1000);
    }

    private static void run(String gateway, String keycloak, int events) throws InterruptedException {
        Api api = new Api(gateway, new Tokens(keycloak)::of);
        Api secretary = api.as("caizheng-secretary");
        Api admin = api.as("caizheng-admin");
        JsonNode me = secretary.get("/api/org/members/me").json();
        String branch = me.path("branchId").asString();
        String host = me.path("id").asString();
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        String scorecard = "/api/org/scorecards/branches/" + branch + "?year=" + year;

        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            Api.Response recorded = secretary.post("/api/activities/records", Map.of("branchId", branch,
                    "types", List.of("THEME_PARTY_DAY"), "title", "基准测试主题党日 " + i,
                    "held", Map.of("heldAt", Instant.now().minus(10, ChronoUnit.MINUTES).toString(),
                            "place", "会议室", "host", "书记", "hostMemberId", host)));
            if (recorded.status() != 201) {
                throw new IllegalStateException("meeting not recorded: " + recorded);
            }
            Instant start = Instant.now();
            String id = recorded.json().path("id").asString();
            Awaitility.await("meeting " + id + " on the scorecard").atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(10)).until(() -> listed(admin.get(scorecard), id));
            millis.add(Duration.between(start, Instant.now()).toMillis());
            if ((i + 1) % 100 == 0) {
                System.out.printf("%d events, last %d ms%n", i + 1, millis.get(i));
            }
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("events=%d median=%d ms p99=%d ms max=%d ms%n", sorted.size(), Percentiles.nearestRank(sorted, 50),
                Percentiles.nearestRank(sorted, 99), sorted.get(sorted.size() - 1));
    }

    private static boolean listed(Api.Response card, String activityId) {
        if (card.status() != 200) {
            return false;
        }
        return card.json().path("items").valueStream().filter(i -> i.path("item").asString().equals("COMPLIANCE"))
                .flatMap(i -> i.path("facts").path("activities").valueStream())
                .anyMatch(a -> a.asString().equals(activityId));
    }
}
