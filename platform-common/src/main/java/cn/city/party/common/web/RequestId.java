package cn.city.party.common.web;

import org.slf4j.MDC;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that follows one user request through the gateway, the services' logs and the Kafka events it causes
 * (header {@code X-Request-Id}, log key {@code requestId}).
 */
public final class RequestId {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestId() {
    }

    /** Keeps a well-formed incoming id; anything else (missing, too long, log-injection characters) gets a new one. */
    public static String keepOrCreate(String incoming) {
        return incoming != null && SAFE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
    }

    public static Optional<String> current() {
        return Optional.ofNullable(MDC.get(MDC_KEY));
    }
}
