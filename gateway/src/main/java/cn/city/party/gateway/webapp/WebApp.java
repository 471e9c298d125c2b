package cn.city.party.gateway.webapp;

import cn.city.party.gateway.GatewaySecurity;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The web app (the {@code web} module's jar: {@code classpath:/static/}) served at {@code /}. Every page address the
 * app's router knows (a GET that accepts HTML, is not the API or the gateway's own endpoints, and is not a file) is
 * answered with {@code index.html}, so deep links and reloads work. Signing in is required first (the security
 * chain runs before this filter); only the hashed assets are public.
 */
@Component
class WebApp implements WebFilter {

    static final String INDEX = "/index.html";
    private static final List<String> NOT_PAGES = List.of("/api/", "/actuator/", "/oauth2/", "/login/", "/logout",
            "/fallback/", "/docs/", "/swagger-ui", "/v3/api-docs", "/webjars/", "/sign-in", "/assets/");
    /** Shown when the gateway runs without the web module's jar (its own tests, a services-only build). */
    private static final byte[] PLACEHOLDER = """
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>机关党建平台</title></head>
            <body><h1>机关党建平台</h1><p>网页应用未包含在此网关中（web 模块）。</p></body></html>
            """.getBytes(StandardCharsets.UTF_8);

    private final boolean built = new ClassPathResource("static" + INDEX).exists();

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!isPage(exchange)) {
            return chain.filter(exchange);
        }
        if (!built) {
            var response = exchange.getResponse();
            response.getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
            return response.writeWith(Mono.just(response.bufferFactory().wrap(PLACEHOLDER)));
        }
        return chain.filter(exchange.mutate().request(r -> r.path(INDEX)).build());
    }

    static boolean isPage(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        String path = request.getPath().pathWithinApplication().value();
        if (request.getMethod() != HttpMethod.GET && request.getMethod() != HttpMethod.HEAD
                || GatewaySecurity.isApi(exchange) || NOT_PAGES.stream().anyMatch(path::startsWith)) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return (path.equals("/") || path.equals(INDEX) || !last.contains("."))
                && acceptsHtml(request.getHeaders().getAccept());
    }

    /** No Accept header means anything is accepted (RFC 9110); browsers send one with text/html on navigation. */
    private static boolean acceptsHtml(List<MediaType> accepted) {
        return accepted.isEmpty() || accepted.stream().anyMatch(MediaType.TEXT_HTML::isCompatibleWith);
    }

    /**
     * Hashed assets may be cached for a year (a new build has new names); everything else, the app's page and every
     * API answer, is never stored, so that Back after sign-out shows no data.
     */
    @Component
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    static class Caching implements WebFilter {

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            boolean asset = exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/assets/");
            exchange.getResponse().beforeCommit(() -> {
                exchange.getResponse().getHeaders().set(HttpHeaders.CACHE_CONTROL,
                        asset ? "public, max-age=31536000, immutable" : "no-store");
                return Mono.empty();
            });
            return chain.filter(exchange);
        }
    }
}
