package cn.city.party.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in stall, as a browser meets it: it sends its next request on the same connection as soon as an answer has
 * arrived, while the gateway may still be ending the handling of that answer's request (the session save after the
 * sign-in callback's redirect, say). Reactor Netty 1.3.6 then leaves the connection unread for good, the request after
 * the next one never answered (it fails so with {@code -DGATEWAY_MAX_KEEP_ALIVE_REQUESTS=100}). The gateway answers
 * each request with {@code Connection: close}, and a browser sends the next one on a new connection, always read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "KEYCLOAK_ISSUER_URI=http://localhost:1/realms/city")
class KeepAliveTest {

    @LocalServerPort
    private int port;

    @Test
    void a_request_sent_while_the_previous_one_is_still_ending_is_answered_and_so_is_the_next() throws IOException {
        try (Browser browser = new Browser(port)) {
            assertThat(browser.get("/assets/ends-late")).startsWith("HTTP/1.1 200");
            // right away: the first request's handling has not ended yet
            assertThat(browser.get("/assets/ends-at-once")).startsWith("HTTP/1.1 200");
            sleep(Duration.ofMillis(600));
            String third = browser.get("/assets/ends-at-once");
            assertThat(third).startsWith("HTTP/1.1 200");
            assertThat(third.toLowerCase()).as("one request a connection").contains("connection: close");
        }
    }

    /** One connection at a time, kept while the gateway keeps it, a new one when an answer says it closes. */
    private static final class Browser implements AutoCloseable {

        private final int port;
        private Socket socket;

        Browser(int port) {
            this.port = port;
        }

        /** The head of the answer (its two-byte body read too); fails when it does not come within 5 s. */
        String get(String path) throws IOException {
            if (socket == null) {
                socket = new Socket("localhost", port);
                socket.setSoTimeout(5_000);
            }
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            try {
                while (!head.toString().endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        throw new IOException("closed by the gateway after " + head);
                    }
                    head.append((char) b);
                }
            } catch (SocketTimeoutException unanswered) {
                throw new AssertionError(path + " was never answered (never read from its connection)", unanswered);
            }
            in.readNBytes(2);
            if (head.toString().toLowerCase().contains("connection: close")) {
                close();
            }
            return head.toString();
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @TestConfiguration
    static class Handlers {

        /** Before security: two answers of two bytes; the first one's handling ends 300 ms after it was sent. */
        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        WebFilter answers() {
            return (exchange, chain) -> {
                String path = exchange.getRequest().getPath().value();
                ServerHttpResponse response = exchange.getResponse();
                if (!path.startsWith("/assets/ends-")) {
                    return chain.filter(exchange);
                }
                response.getHeaders().setContentLength(2);
                DataBuffer ok = response.bufferFactory().wrap("ok".getBytes(StandardCharsets.US_ASCII));
                Mono<Void> written = response.writeAndFlushWith(Flux.just(Flux.just(ok)));
                return path.equals("/assets/ends-late") ? written.then(Mono.delay(Duration.ofMillis(300))).then() : written;
            };
        }
    }
}
