package cn.city.party.infra.local;

import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

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
}
