package cn.city.party.gateway;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every error the gateway raises itself (no route, a refused request, a failure while proxying) ends as a problem,
 * never Boot's default error body, which echoes the request path back.
 */
@Component
@Order(-2)
class GatewayErrors implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrors.class);

    private final GatewayProblems problems;

    GatewayErrors(GatewayProblems problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        HttpStatus status = error instanceof ResponseStatusException e
                ? HttpStatus.resolve(e.getStatusCode().value()) : null;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        if (status.is5xxServerError()) {
            log.warn("request failed with {}: {}", status.value(), error.toString());
        }
        return switch (status) {
            case BAD_REQUEST -> problems.write(exchange, status, "badRequest");
            case UNAUTHORIZED -> problems.write(exchange, status, "unauthenticated");
            case FORBIDDEN -> problems.write(exchange, status, "forbidden");
            case NOT_FOUND -> problems.write(exchange, status, "notFound");
            default -> problems.write(exchange, status, "requestFailed", status.value());
        };
    }
}
