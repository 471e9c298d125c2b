package cn.city.party.common.test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Function;

/**
 * A small HTTP client for tests that call the API the way a user's client does: a bearer token (or none), JSON in
 * and out, an {@code Accept-Language}. {@code token} maps a user name to its access token.
 */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final Function<String, String> token;
    private final String bearer;
    private final String language;
    private final Duration timeout;
    /** Told of each wait a 429 asked for; null: a 429 is the answer (tests and the load see every refusal). */
    private final Runnable throttled;

    public Api(String baseUrl, Function<String, String> token) {
        this(baseUrl, token, null, "zh-CN", Duration.ofSeconds(30), null);
    }

    private Api(String baseUrl, Function<String, String> token, String bearer, String language, Duration timeout,
                Runnable throttled) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.bearer = bearer;
        this.language = language;
        this.timeout = timeout;
        this.throttled = throttled;
    }

    /** Calls as the demo user {@code username}. */
    public Api as(String username) {
        return new Api(baseUrl, token, token.apply(username), language, timeout, throttled);
    }

    /** Calls with exactly this bearer token (expired, tampered …). */
    public Api withToken(String rawToken) {
        return new Api(baseUrl, token, rawToken, language, timeout, throttled);
    }

    public Api anonymous() {
        return new Api(baseUrl, token, null, language, timeout, throttled);
    }

    public Api inLanguage(String acceptLanguage) {
        return new Api(baseUrl, token, bearer, acceptLanguage, timeout, throttled);
    }

    /** Waits this long for an answer (30 s unless set; a whole department's import may take longer). */
    public Api withTimeout(Duration answerWithin) {
        return new Api(baseUrl, token, bearer, language, answerWithin, throttled);
    }

    /**
     * A 429 is waited out as its {@code Retry-After} says and the call sent again, {@code onWait} told each time: for a
     * program that builds data at the pace the gateway allows (the city generator), never for tests or a load.
     */
    public Api pacedByRetryAfter(Runnable onWait) {
        return new Api(baseUrl, token, bearer, language, timeout, onWait);
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response delete(String path) {
        return send(builder(path).DELETE());
    }

    public Response post(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").POST(publisher(body)));
    }

    public Response put(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").PUT(publisher(body)));
    }

    public Response patch(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").method("PATCH", publisher(body)));
    }

    /** Sends raw bytes with a content type (spreadsheets, multipart bodies built by the test). */
    public Response post(String path, String contentType, byte[] body) {
        return send(builder(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** Uploads an .xlsx as the one part {@code file} of a multipart body, as a browser's file input does. */
    public Response upload(String path, byte[] xlsx) {
        String boundary = "----upload" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"import.xlsx\"\r\n"
                + "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(xlsx);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return post(path, "multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    public Response getBytes(String path) {
        return sendForBytes(builder(path).GET());
    }

    /** A POST whose answer is a file (e.g. a generated spreadsheet); a problem answer is in {@code bytes} too. */
    public Response postForBytes(String path, Object body) {
        return sendForBytes(builder(path).header("Content-Type", "application/json").POST(publisher(body)));
    }

    private Response sendForBytes(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = paced(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers(), null, response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json")
                .header("Accept-Language", language);
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher publisher(Object body) {
        String text = body instanceof String s ? s : JSON.writeValueAsString(body);
        return HttpRequest.BodyPublishers.ofString(text);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = paced(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body(), null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private <T> HttpResponse<T> paced(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body)
            throws IOException, InterruptedException {
        HttpResponse<T> response = HTTP.send(request.build(), body);
        while (throttled != null && response.statusCode() == 429) {
            throttled.run();
            Thread.sleep(response.headers().firstValueAsLong("Retry-After").orElse(1) * 1000);
            response = HTTP.send(request.build(), body);
        }
        return response;
    }

    /** Status, headers and body of one call. */
    public record Response(int status, HttpHeaders headers, String body, byte[] bytes) {

        public JsonNode json() {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
