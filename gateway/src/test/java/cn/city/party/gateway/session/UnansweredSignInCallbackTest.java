package cn.city.party.gateway.session;

import cn.city.party.gateway.GatewaySecurity;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class UnansweredSignInCallbackTest {

    private final UnansweredSignInCallback filter = new UnansweredSignInCallback(Duration.ofMillis(300));
    private static final WebFilterChain NEVER_ANSWERS = exchange -> Mono.never();

    @Test
    void a_callback_without_an_answer_within_the_limit_sends_the_browser_to_sign_in_again() {
        MockServerWebExchange callback = MockServerWebExchange.from(MockServerHttpRequest.get("/login/oauth2/code/keycloak?code=c&state=s"));

        filter.filter(callback, NEVER_ANSWERS).block(Duration.ofSeconds(5));

        assertThat(callback.getResponse().getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(callback.getResponse().getHeaders().getLocation()).isEqualTo(URI.create(GatewaySecurity.AUTHORIZATION));
    }

    @Test
    void a_callback_that_answers_in_time_keeps_its_answer() {
        MockServerWebExchange callback = MockServerWebExchange.from(MockServerHttpRequest.get("/login/oauth2/code/keycloak?code=c&state=s"));
        WebFilterChain signedIn = exchange -> {
            exchange.getResponse().setStatusCode(HttpStatus.FOUND);
            exchange.getResponse().getHeaders().setLocation(URI.create("/member/checkin/abc"));
            return exchange.getResponse().setComplete();
        };

        filter.filter(callback, signedIn).block(Duration.ofSeconds(5));

        assertThat(callback.getResponse().getHeaders().getLocation()).isEqualTo(URI.create("/member/checkin/abc"));
    }

    @Test
    void other_requests_are_passed_on_untouched() {
        MockServerWebExchange api = MockServerWebExchange.from(MockServerHttpRequest.get("/api/org/members"));
        Mono<Void> pending = Mono.never();

        assertThat(filter.filter(api, exchange -> pending)).as("no time limit of its own").isSameAs(pending);
    }
}
