package cn.city.party.infra.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The real Keycloak server from the distribution that the infra module unpacks from Maven Central. Built once in
 * production mode with the dev-file database (a one-time Quarkus build), then started "optimized" in seconds. Each
 * platform (the local one, each test run) keeps its own database file under its state directory, so they never
 * share users, sessions or keys; the realm files are merged and imported on first start. The public key with which
 * org-service authenticates ({@link #orgServiceKey}) reaches the realm through the placeholder
 * {@code ${ORG_SERVICE_CLIENT_JWKS}}, resolved by Keycloak's import from its environment.
 */
public final class KeycloakServer {

    public static final String VERSION = "26.7.3";
    static final String THEMES = "infra/keycloak/themes";
    private static final String BUILD_OPTIONS = "--db=dev-file --health-enabled=true --metrics-enabled=false";

    private final PlatformSettings settings;
    private final Path home;

    public KeycloakServer(PlatformSettings settings) {
        this.settings = settings;
        this.home = distribution(settings.root());
    }

    public static Path distribution(Path root) {
        String configured = System.getProperty("platform.keycloak.home");
        return configured != null ? Path.of(configured)
                : root.resolve("infra/target/keycloak/keycloak-" + VERSION);
    }

    /** The gateway's client secret: the realm's placeholder {@code ${GATEWAY_CLIENT_SECRET}} and the gateway's setting. */
    public static final String GATEWAY_SECRET = "GATEWAY_CLIENT_SECRET";

    /** The gateway's client secret of this platform, generated on first use beside its data. */
    public static String gatewaySecret(PlatformSettings settings) {
        return LocalSecret.inFile(settings.dataDir().resolve("gateway-client.secret"), LocalSecret.randomBytes(24));
    }

    /** org-service's signed-JWT client key of this platform, generated on first use beside its data. */
    public static ClientKey orgServiceKey(PlatformSettings settings) {
        return ClientKey.inFile(settings.dataDir().resolve("org-service-client.key"));
    }

    public ManagedProcess start(List<Path> realmFiles) {
        if (!Files.isDirectory(home)) {
            throw new IllegalStateException("Keycloak distribution missing at " + home
                    + ": build the infra module first (./mvnw -pl infra package)");
        }
        ensureBuilt();
        Path data = settings.dataDir().resolve("keycloak");
        // --import-realm always reads <home>/data/import; a realm that already exists in the database is skipped
        Path imports = home.resolve("data/import");
        try {
            Files.createDirectories(imports);
            Files.createDirectories(data);
            replace(imports.resolve("city-realm.json"), RealmFiles.mergedJson(realmFiles).getBytes(StandardCharsets.UTF_8));
            installThemes(settings.root().resolve(THEMES), home.resolve("themes"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(),
                "start", "--optimized", "--cache=local",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + settings.keycloakPort(),
                "--http-management-port=" + settings.keycloakManagementPort(),
                // the issuer follows the host the token was requested from (localhost for the platform)
                "--hostname-strict=false",
                "--db-url=jdbc:h2:file:" + data.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE;AUTO_SERVER=TRUE",
                "--import-realm",
                // Keycloak 26 refuses a user's sign-in while another one of the same user is still being counted by
                // the brute-force protector, which finishes off-thread; on a loaded developer machine or CI runner that
                // bookkeeping lags and the demo users' back-to-back sign-ins are refused as "Invalid user credentials".
                // Failures are still counted and lock the account after the realm's failureFactor; Compose and
                // Kubernetes keep Keycloak's default.
                "--spi-brute-force-protector--default-brute-force-detector--allow-concurrent-requests=true"));
        ManagedProcess keycloak = ManagedProcess.start("keycloak", command, environment(), home,
                settings.logDir().resolve("keycloak.log"));
        // /health/ready says UP before the realm import has finished: the realm's discovery document is the signal
        String ready = "http://127.0.0.1:" + settings.keycloakPort() + "/realms/" + PlatformSettings.REALM
                + "/.well-known/openid-configuration";
        keycloak.awaitReady(() -> ManagedProcess.httpOk(ready, body -> body.contains("issuer")), Duration.ofMinutes(3));
        return keycloak;
    }

    private Map<String, String> environment() {
        return Map.of(
                "KC_BOOTSTRAP_ADMIN_USERNAME", System.getenv().getOrDefault("KEYCLOAK_ADMIN_USERNAME", "admin"),
                "KC_BOOTSTRAP_ADMIN_PASSWORD", System.getenv().getOrDefault("KEYCLOAK_ADMIN_PASSWORD", "admin"),
                // G1 grows the young generation to what it may (311 MB committed of 512 while two departments were
                // generated), the realm itself kept 93 MB: a smaller limit for the machine the platform shares
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx320m",
                "JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1",
                "ORG_SERVICE_CLIENT_JWKS", orgServiceKey(settings).publicJwksForImport(),
                GATEWAY_SECRET, gatewaySecret(settings),
                // the production realm's redirect URIs name the public address; the local overlay lists localhost
                "PLATFORM_PUBLIC_URL", "http://localhost:" + settings.gatewayPort());
    }

    /**
     * The platform's login theme ({@value #THEMES}), copied into the distribution's {@code themes} folder, where
     * Keycloak finds folder themes without a rebuild (the same folder Compose and Kubernetes mount it into).
     */
    static void installThemes(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    replace(target, Files.readAllBytes(file));
                }
            }
        }
    }

    /**
     * Replaces a file of the shared distribution in one step: the test JVMs of several modules (a parallel build)
     * start their own Keycloak from it at the same time, and one must not read a file another is half-way writing.
     */
    private static void replace(Path file, byte[] content) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * The one-time Quarkus build; a marker records the options it was built with. A file lock keeps the JVMs of a
     * parallel build from building the same distribution at once (and the class's monitor the threads of one JVM,
     * which a file lock does not).
     */
    private void ensureBuilt() {
        synchronized (KeycloakServer.class) {
            buildOnce();
        }
    }

    private void buildOnce() {
        Path marker = home.resolve(".platform-build");
        try (FileChannel lockFile = FileChannel.open(home.resolve(".platform-build.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
            if (Files.exists(marker) && Files.readString(marker).equals(BUILD_OPTIONS)) {
                return;
            }
            List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "build"));
            command.addAll(List.of(BUILD_OPTIONS.split(" ")));
            ManagedProcess build = ManagedProcess.start("keycloak-build", command,
                    Map.of("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1"), home,
                    settings.logDir().resolve("keycloak-build.log"));
            build.awaitExit(Duration.ofMinutes(5));
            Files.writeString(marker, BUILD_OPTIONS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
