package cn.city.party.common.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Builds RFC 9457 problem details in the caller's language ({@code Accept-Language}: Chinese by default, English
 * as the second locale). Every problem has {@code type} {@code urn:party-platform:problem:<code>}, a translated
 * {@code title}/{@code detail}, the {@code code} and, for input errors, {@code errors: [{field, reason}]}.
 */
public class ProblemWriter {

    public static final String TYPE_PREFIX = "urn:party-platform:problem:";

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    public ProblemWriter(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    public ProblemDetail problem(HttpStatus status, String code, Object[] args, List<FieldViolation> errors, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(message("problem.title." + status.value(), new Object[0], locale, status.getReasonPhrase()));
        problem.setDetail(message(code, args, locale, code));
        problem.setProperty("code", code);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    public String message(String code, Object[] args, Locale locale, String fallback) {
        Object[] resolved = Arrays.stream(args == null ? new Object[0] : args)
                .map(a -> a instanceof Problems.Key key ? message(key.code(), new Object[0], locale, key.code()) : a)
                .toArray();
        MessageSourceResolvable resolvable = new DefaultMessageSourceResolvable(new String[]{code}, resolved, fallback);
        return messages.getMessage(resolvable, locale);
    }

    public Locale locale(HttpServletRequest request) {
        return locales.resolveLocale(request);
    }

    /** For filters (401/403 before a controller runs), where no exception handler is involved. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code) throws IOException {
        ProblemDetail problem = problem(status, code, new Object[0], List.of(), locale(request));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
