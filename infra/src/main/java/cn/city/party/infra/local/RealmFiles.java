package cn.city.party.infra.local;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.List;

/**
 * The realm Keycloak imports: the production realm ({@code infra/keycloak/city-realm.json}, what Compose and
 * Kubernetes import) with, for the local platform and the tests only, the local overlay
 * ({@code city-realm-local.json}: demo users, the command-line clients, localhost redirects) laid over it.
 * Keycloak's {@code --import-realm} reads one file per realm, so the two are merged before the import: objects field
 * by field, lists of named entries (clients, users, organizations, roles) entry by entry, other lists replaced.
 */
public final class RealmFiles {

    public static final String PRODUCTION = "infra/keycloak/city-realm.json";
    public static final String LOCAL_OVERLAY = "infra/keycloak/city-realm-local.json";

    /**
     * The clients ({@code azp}) whose tokens the services accept on the local platform and in the tests: the gateway,
     * and the local overlay's command-line clients ({@code PLATFORM_SECURITY_CLIENTS}; production: the gateway only).
     */
    public static final String LOCAL_API_CLIENTS = "gateway,party-cli,party-cli-short-lived";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> NAMES = List.of("clientId", "username", "alias", "name");

    private RealmFiles() {
    }

    /** The production realm with the local overlay, as the local platform and the tests import it. */
    public static List<Path> local(Path root) {
        return List.of(root.resolve(PRODUCTION), root.resolve(LOCAL_OVERLAY));
    }

    /** The files merged in order, later ones winning. */
    public static JsonNode merge(List<Path> files) {
        JsonNode merged = null;
        for (Path file : files) {
            JsonNode next = JSON.readTree(file.toFile());
            merged = merged == null ? next : merge(merged, next);
        }
        return merged;
    }

    public static String mergedJson(List<Path> files) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(merge(files));
    }

    private static JsonNode merge(JsonNode base, JsonNode overlay) {
        if (base instanceof ObjectNode object && overlay instanceof ObjectNode fields) {
            fields.properties().forEach(e -> object.set(e.getKey(),
                    object.has(e.getKey()) ? merge(object.get(e.getKey()), e.getValue()) : e.getValue()));
            return object;
        }
        if (base instanceof ArrayNode list && overlay instanceof ArrayNode entries && named(list) && named(entries)) {
            for (JsonNode entry : entries) {
                JsonNode same = list.valueStream().filter(e -> name(e).equals(name(entry))).findFirst().orElse(null);
                if (same == null) {
                    list.add(entry);
                } else {
                    merge(same, entry);
                }
            }
            return list;
        }
        return overlay;
    }

    private static boolean named(ArrayNode list) {
        return !list.isEmpty() && list.valueStream().allMatch(e -> e.isObject() && name(e) != null);
    }

    private static String name(JsonNode entry) {
        return NAMES.stream().filter(entry::hasNonNull).map(n -> n + "=" + entry.get(n).asString()).findFirst().orElse(null);
    }
}
