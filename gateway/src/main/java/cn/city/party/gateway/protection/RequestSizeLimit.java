package cn.city.party.gateway.protection;

import cn.city.party.gateway.GatewayProblems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Refuses a request body above {@code platform.gateway.max-request-size} with a 413 problem before it reaches a
 * service: by its declared length at once, and a body sent without a length (chunked) is cut off when it passes the
 * limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestSizeLimit implements WebFilter {

    private final long max;
    private final GatewayProblems problems;

    RequestSizeLimit(GatewayLimits limits, GatewayProblems problems) {
        this.max = limits.maxRequestSize().toBytes();
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (exchange.getRequest().getHeaders().getContentLength() > max) {
            return problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "payloadTooLarge", max);
        }
        AtomicLong received = new AtomicLong();
        ServerHttpRequestDecorator counted = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                return super.getBody().map(buffer -> {
                    if (received.addAndGet(buffer.readableByteCount()) > max) {
                        DataBufferUtils.release(buffer);
                        throw new TooLarge();
                    }
                    return buffer;
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build())
                .onErrorResume(TooLarge.class, e -> problems.write(exchange, HttpStatus.PAYLOAD_TOO_LARGE, "payloadTooLarge", max));
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("request body above the limit", null, false, false);
        }
    }
}
