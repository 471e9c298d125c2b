package cn.city.party.gateway;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 9457 problems written by the gateway itself (no token, a service unavailable), in the caller's language:
 * Chinese by default, English when {@code Accept-Language} prefers it. Same {@code type} scheme as the services.
 */
@Component
public class GatewayProblems {

    private static final Map<String, String[]> MESSAGES = Map.of(
            "unauthenticated", new String[]{"未登录或令牌无效", "需要有效的访问令牌（请重新登录）。",
                    "Not signed in or token invalid", "A valid access token is required (sign in again)."},
            "forbidden", new String[]{"无权访问", "您的角色或所属部门无权执行此操作。",
                    "Forbidden", "Your role or department may not do this."},
            "serviceUnavailable", new String[]{"服务暂不可用", "服务“%s”暂时无法响应，请稍后重试。",
                    "Service unavailable", "Service \"%s\" is not answering right now; try again shortly."});

    private final JsonMapper json;

    public GatewayProblems(JsonMapper json) {
        this.json = json;
    }

    public ProblemDetail problem(ServerWebExchange exchange, HttpStatus status, String code, Object... args) {
        boolean english = prefersEnglish(exchange);
        String[] texts = MESSAGES.get(code);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("urn:party-platform:problem:" + code));
        problem.setTitle(english ? texts[2] : texts[0]);
        problem.setDetail((english ? texts[3] : texts[1]).formatted(args));
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        problem.setProperty("code", code);
        return problem;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, Object... args) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsBytes(problem(exchange, status, code, args));
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    static boolean prefersEnglish(ServerWebExchange exchange) {
        var ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
        if (ranges.isEmpty()) {
            return false;
        }
        Locale best = Locale.lookup(ranges, java.util.List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        return best != null && best.getLanguage().equals("en");
    }
}
