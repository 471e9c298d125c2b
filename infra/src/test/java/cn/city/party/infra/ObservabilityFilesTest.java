package cn.city.party.infra;

import cn.city.party.infra.local.PlatformService;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operators' Prometheus configuration scrapes the gateway and every service, and the Grafana dashboards read only
 * metrics that the platform serves: each name below is asserted in a real {@code /actuator/prometheus} scrape by the
 * test named beside it.
 */
class ObservabilityFilesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().resolve("observability");

    static final Map<String, String> SCRAPED = Map.of(
            "spring_cloud_gateway_requests_seconds_count", "GatewayRoutesIT",
            "spring_cloud_gateway_requests_seconds_bucket", "GatewayRoutesIT",
            "resilience4j_circuitbreaker_state", "GatewayRoutesIT",
            "http_server_requests_seconds_count", "OutboxDeliveryIT",
            "http_server_requests_seconds_bucket", "OutboxDeliveryIT",
            "platform_outbox_pending_events", "OutboxDeliveryIT",
            "platform_outbox_oldest_event_age_seconds", "OutboxDeliveryIT",
            "platform_outbox_leases_taken_over_total", "OutboxDeliveryIT",
            "platform_kafka_dead_letters_total", "OutboxDeliveryIT",
            "kafka_consumer_fetch_manager_records_lag_max", "OutboxDeliveryIT");

    /** A metric name in PromQL: an identifier with an underscore that is not a function call, outside quotes. */
    private static final Pattern METRIC = Pattern.compile("\\b([a-z][a-z0-9]*(?:_[a-z0-9]+)+)\\b(?!\\s*\\()");

    @Test
    void prometheus_scrapes_the_gateway_and_every_service_on_its_port() throws IOException {
        JsonNode config = new YAMLMapper().readTree(ROOT.resolve("prometheus/prometheus.yml").toFile());
        Map<String, String> targets = new HashMap<>();
        for (JsonNode job : config.path("scrape_configs")) {
            assertThat(job.path("metrics_path").asString()).as(job.path("job_name").asString()).isEqualTo("/actuator/prometheus");
            targets.put(job.path("job_name").asString(), job.path("static_configs").get(0).path("targets").get(0).asString());
        }
        Map<String, String> expected = new HashMap<>(Map.of("gateway", "localhost:8080"));
        for (PlatformService service : PlatformService.values()) {
            expected.put(service.module(), "localhost:" + service.defaultPort());
        }
        assertThat(targets).isEqualTo(expected);
    }

    @Test
    void the_dashboards_read_only_metrics_the_platform_serves() throws IOException {
        Set<String> uids = new HashSet<>();
        Set<String> used = new HashSet<>();
        List<Path> dashboards;
        try (Stream<Path> files = Files.list(ROOT.resolve("grafana/dashboards"))) {
            dashboards = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(dashboards).extracting(f -> f.getFileName().toString())
                .containsExactly("party-events.json", "party-requests.json");
        for (Path file : dashboards) {
            JsonNode dashboard = JsonMapper.builder().build().readTree(file.toFile());
            assertThat(uids.add(dashboard.path("uid").asString())).as("unique uid in " + file).isTrue();
            assertThat(dashboard.path("panels").size()).as(file.toString()).isPositive();
            for (JsonNode panel : dashboard.path("panels")) {
                String where = file.getFileName() + " / " + panel.path("title").asString();
                assertThat(panel.path("datasource").path("uid").asString()).as(where).isEqualTo("prometheus");
                assertThat(panel.path("targets").size()).as(where).isPositive();
                for (JsonNode target : panel.path("targets")) {
                    // label values ("5..", "open") are no metric names
                    Matcher names = METRIC.matcher(target.path("expr").asString().replaceAll("\"[^\"]*\"", "\"\""));
                    Set<String> inPanel = new HashSet<>();
                    while (names.find()) {
                        inPanel.add(names.group(1));
                    }
                    assertThat(inPanel).as(where).isNotEmpty();
                    assertThat(SCRAPED.keySet()).as(where).containsAll(inPanel);
                    used.addAll(inPanel);
                }
            }
        }
        assertThat(used).as("every metric the dashboards were made for is on one").isEqualTo(SCRAPED.keySet());
    }
}
