package cn.city.party.common.test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of a service's API tests: calls the running application over HTTP with real Keycloak tokens. */
public abstract class ServiceApiTest {

    @LocalServerPort
    protected int port;

    @Value("${platform.test.keycloak-url}")
    protected String keycloakUrl;

    @Value("${spring.kafka.bootstrap-servers}")
    protected String kafkaBootstrapServers;

    protected Api api() {
        Tokens tokens = new Tokens(keycloakUrl);
        return new Api("http://localhost:" + port, tokens::of);
    }

    /** Listens on {@code topics} from now on; close it at the end of the test. */
    protected EventCapture capture(String... topics) {
        return new EventCapture(kafkaBootstrapServers, topics);
    }
}
