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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * RFC 9457 problems written by the gateway itself (no token, a service unavailable, a refused request), in the
 * caller's language: Chinese by default, English when {@code Accept-Language} prefers it. Same {@code type} scheme as
 * the services.
 */
@Component
public class GatewayProblems {

    /** A longer path is not echoed back in {@code instance}: a problem must not reflect an attacker's payload. */
    static final int MAX_ECHOED_PATH = 200;

    private static final Map<String, String[]> MESSAGES = Map.of(
            "unauthenticated", new String[]{"未登录或令牌无效", "需要有效的访问令牌（请重新登录）。",
                    "Not signed in or token invalid", "A valid access token is required (sign in again)."},
            "forbidden", new String[]{"无权访问", "您的角色或所属部门无权执行此操作。",
                    "Forbidden", "Your role or department may not do this."},
            "csrf", new String[]{"请求未通过 CSRF 校验", "缺少或无效的 CSRF 令牌（请求头 X-XSRF-TOKEN 应等于 Cookie XSRF-TOKEN）。",
                    "CSRF check failed", "Missing or invalid CSRF token (header X-XSRF-TOKEN must equal cookie XSRF-TOKEN)."},
            "serviceUnavailable", new String[]{"服务暂不可用", "服务“%s”暂时无法响应，请稍后重试。",
                    "Service unavailable", "Service \"%s\" is not answering right now; try again shortly."},
            "badRequest", new String[]{"请求有误", "请求的地址或格式不被接受。",
                    "Bad request", "The request's address or form is not accepted."},
            "notFound", new String[]{"未找到", "请求的地址不存在。",
                    "Not found", "Nothing is found at this address."},
            "payloadTooLarge", new String[]{"请求过大", "请求内容超过了 %s 字节的上限。",
                    "Payload too large", "The request body exceeds the limit of %s bytes."},
            "tooManyRequests", new String[]{"请求过于频繁", "请求过于频繁，请 %s 秒后重试。",
                    "Too many requests", "Too many requests; try again in %s seconds."},
            "requestFailed", new String[]{"请求未能完成", "网关未能完成此请求（状态 %s）。",
                    "Request failed", "The gateway could not complete this request (status %s)."});

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
        String path = exchange.getRequest().getPath().value();
        if (path.length() <= MAX_ECHOED_PATH) {
            problem.setInstance(URI.create(path));
        }
        problem.setProperty("code", code);
        return problem;
    }

    public Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String code, Object... args) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] body = json.writeValueAsBytes(problem(exchange, status, code, args));
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    static boolean prefersEnglish(ServerWebExchange exchange) {
        List<Locale.LanguageRange> ranges;
        try {
            ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        if (ranges.isEmpty()) {
            return false;
        }
        Locale best = Locale.lookup(ranges, List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH));
        return best != null && best.getLanguage().equals("en");
    }
}
