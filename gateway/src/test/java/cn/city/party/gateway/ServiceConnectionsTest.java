package cn.city.party.gateway;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's pooled connections to a service: reused while in use, closed by the gateway once idle for
 * {@code GATEWAY_SERVICE_MAX_IDLE_TIME}, so a request is never written onto a connection the service is closing for
 * idleness (Tomcat does after 60 s). The service stand-in keeps idle connections for 30 s, like the JDK's server.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"KEYCLOAK_ISSUER_URI=http://localhost:1/realms/city", "GATEWAY_SERVICE_MAX_IDLE_TIME=1s"})
@AutoConfigureWebTestClient
class ServiceConnectionsTest {

    /** The gateway's address and port of each connection a call to the service came on. */
    private static final List<InetSocketAddress> CALLS = new CopyOnWriteArrayList<>();
    private static final HttpServer ORG_SERVICE = orgService();

    @Autowired
    private WebTestClient web;

    @DynamicPropertySource
    static void orgServiceAddress(DynamicPropertyRegistry registry) {
        registry.add("ORG_SERVICE_URL", () -> "http://127.0.0.1:" + ORG_SERVICE.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        ORG_SERVICE.stop(0);
    }

    @Test
    void a_connection_idle_past_the_limit_is_not_used_again_and_a_busy_one_is() throws InterruptedException {
        call();
        call();
        Thread.sleep(1_600);
        call();

        assertThat(CALLS).hasSize(3);
        assertThat(CALLS.get(1)).as("the next call at once: the same connection").isEqualTo(CALLS.get(0));
        assertThat(CALLS.get(2)).as("after 1.6 s idle: a new connection").isNotEqualTo(CALLS.get(1));
    }

    /** The service's API document: a route through the load balancer that needs no sign-in outside production. */
    private void call() {
        web.get().uri("/docs/org-service/v3/api-docs").exchange().expectStatus().isOk();
    }

    private static HttpServer orgService() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                if (!exchange.getRequestURI().getPath().startsWith("/actuator/health")) {
                    CALLS.add(exchange.getRemoteAddress());
                }
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
