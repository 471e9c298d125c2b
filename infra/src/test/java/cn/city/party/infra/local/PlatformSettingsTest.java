package cn.city.party.infra.local;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlatformSettingsTest {

    /** Linux hands out 32768 and above to outgoing connections; a test platform's servers must not compete for them. */
    @Test
    void free_ports_are_distinct_bindable_and_below_the_ephemeral_range() throws Exception {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = PlatformSettings.freePort();
            assertThat(port).isBetween(1024, 32767);
            assertThat(ports.add(port)).as("port %d handed out twice", port).isTrue();
        }
        int port = PlatformSettings.freePort();
        try (ServerSocket server = new ServerSocket(port)) {
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void instances_of_a_service_get_ports_a_thousand_apart_and_the_gateway_gets_all_their_addresses() {
        PlatformSettings settings = PlatformSettings.fromEnvironment(Path.of("/repo"), "activity-service=2, study-service=3");

        assertThat(settings.servicePorts()).isEqualTo(Map.of(
                PlatformService.ORG, List.of(8081),
                PlatformService.ACTIVITY, List.of(8082, 9082),
                PlatformService.STUDY, List.of(8083, 9083, 10083),
                PlatformService.DISCIPLINE, List.of(8084)));
        assertThat(settings.serviceUrl(PlatformService.ACTIVITY)).isEqualTo("http://localhost:8082,http://localhost:9082");
        assertThat(settings.serviceUrl(PlatformService.ORG)).isEqualTo("http://localhost:8081");
        assertThat(LocalPlatform.instanceName(PlatformService.ACTIVITY, 0)).isEqualTo("activity-service");
        assertThat(LocalPlatform.instanceName(PlatformService.ACTIVITY, 1)).isEqualTo("activity-service-2");
        assertThat(PlatformSettings.fromEnvironment(Path.of("/repo"), "").servicePorts().get(PlatformService.ACTIVITY))
                .isEqualTo(List.of(8082));
    }

    @Test
    void an_unknown_service_or_a_count_beyond_the_partitions_is_refused_with_what_to_write() {
        assertThatThrownBy(() -> PlatformSettings.instances("activity=2"))
                .hasMessage("unknown service 'activity' in PLATFORM_INSTANCES; one of org-service, activity-service, "
                        + "study-service, discipline-service");
        for (String bad : new String[]{"activity-service=7", "activity-service=0", "activity-service=two", "activity-service"}) {
            assertThatThrownBy(() -> PlatformSettings.instances(bad)).as(bad)
                    .hasMessage("PLATFORM_INSTANCES: '" + bad + "' needs a count from 1 to 6, e.g. activity-service=2");
        }
    }
}
