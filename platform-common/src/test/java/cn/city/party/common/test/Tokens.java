package cn.city.party.common.test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Real access tokens from Keycloak for the realm's demo users (password grant of the {@code party-cli} client). */
public final class Tokens {

    public static final String DEMO_PASSWORD = "demo-pass";
    public static final String CLI_CLIENT = "party-cli";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private final String keycloakUrl;

    public Tokens(String keycloakUrl) {
        this.keycloakUrl = keycloakUrl;
    }

    private record Cached(String token, Instant expires) {
    }

    /** A fresh-enough token of {@code username} for the platform's API. */
    public String of(String username) {
        String key = keycloakUrl + "|" + username;
        Cached cached = CACHE.get(key);
        if (cached != null && Instant.now().isBefore(cached.expires())) {
            return cached.token();
        }
        JsonNode response = request(keycloakUrl, CLI_CLIENT, username);
        String token = response.get("access_token").asString();
        CACHE.put(key, new Cached(token, Instant.now().plusSeconds(response.get("expires_in").asLong() - 60)));
        return token;
    }

    /** A token from any client and any host name for Keycloak (the issuer follows the host name). */
    public static JsonNode request(String keycloakUrl, String clientId, String username) {
        return request(keycloakUrl, clientId, username, DEMO_PASSWORD);
    }

    /** A freshly issued token of any user with its own password (Keycloak's real password grant). */
    public static JsonNode request(String keycloakUrl, String clientId, String username, String password) {
        String form = "grant_type=password&client_id=" + enc(clientId) + "&username=" + enc(username)
                + "&password=" + enc(password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/city/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + username + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
