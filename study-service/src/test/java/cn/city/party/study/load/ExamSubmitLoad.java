package cn.city.party.study.load;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.EmbeddedInfrastructure;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.test.TestInfrastructure;
import cn.city.party.common.test.Tokens;
import cn.city.party.infra.local.RealmFiles;
import cn.city.party.study.StudyServiceApplication;
import cn.city.party.study.exam.Attempt;
import cn.city.party.study.exam.ExamEvents;
import cn.city.party.study.roster.RosterMember;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load program (not a test): a city-wide exam taken at one fixed time. N members (default 2,000) start their
 * attempts, then all submit within a window (default 60 s), arrivals spread evenly (open loop: a slow server does
 * not slow the arrivals down). Reports the latency percentiles of submit over HTTP, the status codes, and whether
 * every submission was stored and announced (attempts SUBMITTED in MongoDB, exam events on Kafka).
 *
 * <p>It starts the real components the service runs on (MongoDB substitute, a KRaft broker, the real Keycloak with
 * the city realm), creates N member accounts in Keycloak (one partial import) and on the roster (org-service member
 * events on the broker), starts study-service on a port and drives it over HTTP with real tokens. Run:
 * <pre>
 * ./mvnw -B -o -pl study-service test-compile
 * ./mvnw -B -o -pl study-service exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=cn.city.party.study.load.ExamSubmitLoad -Dexec.args="2000 60"
 * </pre>
 */
public final class ExamSubmitLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .executor(Executors.newFixedThreadPool(16)).build();

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the infrastructure's threads would keep the JVM alive
        }
    }

    private static void run(String[] args) throws Exception {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int windowSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        TestInfrastructure infra = EmbeddedInfrastructure.get();
        log("infrastructure up: keycloak " + infra.keycloakUrl());

        List<String> usernames = createAccounts(infra.keycloakUrl(), members);
        // command-line arguments: they override the service's own configuration, as the environment would
        ConfigurableApplicationContext app = new SpringApplicationBuilder(StudyServiceApplication.class).run(
                "--server.port=0",
                "--spring.mongodb.uri=" + infra.mongoUri(),
                "--spring.mongodb.database=study-load-" + UUID.randomUUID().toString().substring(0, 8),
                "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
                "--spring.kafka.consumer.group-id=study-load-" + UUID.randomUUID().toString().substring(0, 8),
                "--platform.security.issuer-uri=" + infra.issuerUri(),
                "--platform.security.clients=" + RealmFiles.LOCAL_API_CLIENTS,
                "--logging.level.root=WARN");
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        String base = "http://localhost:" + port;
        MongoTemplate mongo = app.getBean(MongoTemplate.class);
        log("study-service up on " + base);

        admitToRoster(infra.kafkaBootstrapServers(), usernames);
        waitFor("roster", () -> mongo.count(Query.query(Criteria.where("_id").regex("^load-")), RosterMember.class) >= members);

        Api api = new Api(base, new Tokens(infra.keycloakUrl())::of);
        String examId = createExam(api.as("caizheng-admin"));
        Tokens tokens = new Tokens(infra.keycloakUrl());
        Map<String, String> tokenOf = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Void>> logins = usernames.stream()
                .map(u -> CompletableFuture.runAsync(() -> tokenOf.put(u, tokens.of(u)), pool)).toList();
        CompletableFuture.allOf(logins.toArray(CompletableFuture[]::new)).join();
        log(tokenOf.size() + " tokens");

        Map<String, JsonNode> attempts = new ConcurrentHashMap<>();
        List<Long> startLatencies = Collections.synchronizedList(new ArrayList<>());
        Map<Integer, AtomicInteger> startStatus = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> starts = usernames.stream().map(u -> CompletableFuture.runAsync(() -> {
            long t0 = System.nanoTime();
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/study/exams/" + examId + "/attempts"))
                    .header("Authorization", "Bearer " + tokenOf.get(u)).POST(HttpRequest.BodyPublishers.noBody()));
            startLatencies.add(System.nanoTime() - t0);
            startStatus.computeIfAbsent(r.statusCode(), k -> new AtomicInteger()).incrementAndGet();
            if (r.statusCode() == 201) {
                attempts.put(u, Api.JSON.readTree(r.body()));
            }
        }, pool)).toList();
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        pool.shutdown();
        log("starts: " + startStatus + " " + percentiles(startLatencies));

        try (EventCapture events = new EventCapture(infra.kafkaBootstrapServers(), ExamEvents.TOPIC)) {
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            Map<Integer, AtomicInteger> status = new ConcurrentHashMap<>();
            ScheduledExecutorService arrivals = Executors.newScheduledThreadPool(4);
            List<CompletableFuture<Void>> submits = Collections.synchronizedList(new ArrayList<>());
            long spacingMicros = windowSeconds * 1_000_000L / Math.max(1, attempts.size());
            Instant began = Instant.now();
            int i = 0;
            for (Map.Entry<String, JsonNode> entry : attempts.entrySet()) {
                String body = Api.JSON.writeValueAsString(Map.of("answers", answersFor(entry.getValue(), i)));
                String uri = base + "/api/study/attempts/" + entry.getValue().path("id").asString() + "/submit";
                String token = tokenOf.get(entry.getKey());
                arrivals.schedule(() -> {
                    long t0 = System.nanoTime();
                    submits.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60))
                                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                            .handle((r, e) -> {
                                latencies.add(System.nanoTime() - t0);
                                status.computeIfAbsent(e == null ? r.statusCode() : -1, k -> new AtomicInteger()).incrementAndGet();
                                return null;
                            }));
                }, spacingMicros * i, TimeUnit.MICROSECONDS);
                i++;
            }
            arrivals.shutdown();
            arrivals.awaitTermination(windowSeconds + 60L, TimeUnit.SECONDS);
            CompletableFuture.allOf(submits.toArray(CompletableFuture[]::new)).join();
            Duration took = Duration.between(began, Instant.now());
            long stored = mongo.count(Query.query(Criteria.where("examId").is(examId).and("status").is(Attempt.Status.SUBMITTED)),
                    Attempt.class);
            int announced = events.all(ExamEvents.PASSED.type(), e -> e.path("data").path("examId").asString().equals(examId),
                    Duration.ofSeconds(20)).size()
                    + events.all(ExamEvents.FAILED.type(), e -> e.path("data").path("examId").asString().equals(examId),
                    Duration.ofSeconds(1)).size();
            System.out.println();
            System.out.println("members=" + members + " attempts=" + attempts.size() + " window=" + windowSeconds
                    + "s, all submits done after " + took.toMillis() + " ms");
            System.out.println("submit status=" + status + " latency " + percentiles(latencies));
            System.out.println("stored SUBMITTED=" + stored + " events announced=" + announced
                    + " lost=" + (attempts.size() - stored));
        }
        app.close();
    }

    private static List<String> createAccounts(String keycloakUrl, int members) throws Exception {
        String admin = adminToken(keycloakUrl);
        // Set-up only, not what is measured: tokens of the whole run stay valid (the realm's 5 minutes would expire
        // between starting and submitting), and the load accounts' passwords are hashed with one iteration so that
        // creating and logging in 2,000 accounts takes seconds instead of the default policy's many minutes.
        send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/admin/realms/city"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"accessTokenLifespan\": 3600, \"passwordPolicy\": \"hashIterations(1)\"}")));
        List<Map<String, Object>> users = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= members; i++) {
            String name = String.format("load-%04d", i);
            names.add(name);
            users.add(Map.of("id", subject(i), "username", name, "enabled", true, "emailVerified", true,
                    "email", name + "@load.city.gov.cn", "firstName", "测试", "lastName", "党员",
                    "attributes", Map.of("department", List.of("caizheng"), "jurisdiction", List.of("department")),
                    "credentials", List.of(Map.of("type", "password", "value", Tokens.DEMO_PASSWORD, "temporary", false)),
                    "realmRoles", List.of("MEMBER", "default-roles-city")));
        }
        // in batches: one partial import of thousands of users outlives Keycloak's transaction timeout
        for (int from = 0; from < users.size(); from += 100) {
            HttpResponse<String> imported = send(HttpRequest.newBuilder(URI.create(keycloakUrl
                            + "/admin/realms/city/partialImport"))
                    .header("Authorization", "Bearer " + adminToken(keycloakUrl)).header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(5))
                    .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(Map.of("ifResourceExists", "SKIP",
                            "users", users.subList(from, Math.min(users.size(), from + 100)))))));
            if (imported.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused the load accounts: " + imported.body());
            }
        }
        log(users.size() + " accounts in Keycloak");
        return names;
    }

    /** The master realm's admin token lives one minute: a fresh one per call. */
    private static String adminToken(String keycloakUrl) {
        return Api.JSON.readTree(send(HttpRequest.newBuilder(URI.create(keycloakUrl
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin")))
                .body()).path("access_token").asString();
    }

    private static String subject(int i) {
        return String.format("00000000-0000-4000-9000-%012d", i);
    }

    private static void admitToRoster(String bootstrap, List<String> usernames) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        // set-up traffic: a plain producer (the embedded broker refused the idempotent one's retries under load)
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "false");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "1");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 1; i <= usernames.size(); i++) {
                String memberId = usernames.get(i - 1);
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("memberId", memberId);
                data.put("department", "caizheng");
                data.put("branchId", "caizheng-branch-" + (1 + i % 20));
                data.put("partyGroupId", null);
                data.put("name", "党员" + i);
                data.put("gender", "MALE");
                data.put("birthDate", "1980-01-01");
                data.put("joinedOn", "2005-07-01");
                data.put("status", "FULL");
                data.put("leadingCadre", false);
                data.put("partyAffairsCadre", "NONE");
                data.put("accountSubject", subject(i));
                Map<String, Object> envelope = new HashMap<>();
                envelope.put("specversion", "1.0");
                envelope.put("id", UUID.randomUUID().toString());
                envelope.put("source", "/party/org-service");
                envelope.put("type", "party.org.member.admitted.v1");
                envelope.put("subject", memberId);
                envelope.put("time", Instant.now().toString());
                envelope.put("datacontenttype", "application/json");
                envelope.put("dataschema", "urn:party-platform:schema:party.org.member.admitted.v1");
                envelope.put("department", "caizheng");
                envelope.put("data", data);
                producer.send(new ProducerRecord<>("party.org.member", memberId, Api.JSON.writeValueAsString(envelope)));
            }
        }
    }

    private static String createExam(Api admin) {
        List<String> questions = new ArrayList<>();
        for (int q = 0; q < 20; q++) {
            JsonNode created = admin.post("/api/study/questions", Map.of("type", q % 2 == 0 ? "SINGLE" : "MULTIPLE",
                    "category", "PARTY_HISTORY", "difficulty", "MEDIUM", "stem", "压测题 " + q,
                    "options", List.of(Map.of("id", "A", "text", "甲"), Map.of("id", "B", "text", "乙"),
                            Map.of("id", "C", "text", "丙"), Map.of("id", "D", "text", "丁")),
                    "correct", q % 2 == 0 ? List.of("A") : List.of("A", "C"))).json();
            questions.add(created.path("id").asString());
        }
        Instant now = Instant.now();
        Map<String, Object> exam = new HashMap<>(Map.of("title", "全市统一考试（压测）", "mode", "FIXED", "questionIds", questions,
                "timeLimitMinutes", 60, "passMark", 60, "attemptLimit", 1, "scoring", "PARTIAL", "audience", "ALL"));
        exam.put("opensAt", now.minusSeconds(60).toString());
        exam.put("closesAt", now.plus(Duration.ofHours(3)).toString());
        Api.Response response = admin.post("/api/study/exams", exam);
        if (response.status() != 201) {
            throw new IllegalStateException("exam not created: " + response);
        }
        return response.json().path("id").asString();
    }

    /** Answers every question, right for about two thirds of them. */
    private static Map<String, List<String>> answersFor(JsonNode attempt, int seed) {
        Map<String, List<String>> answers = new HashMap<>();
        int q = 0;
        for (JsonNode question : attempt.path("questions")) {
            boolean right = (seed + q++) % 3 != 0;
            boolean multiple = question.path("type").asString().equals("MULTIPLE");
            answers.put(question.path("questionId").asString(),
                    right ? (multiple ? List.of("A", "C") : List.of("A")) : List.of("B"));
        }
        return answers;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String percentiles(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return "(none)";
        }
        return String.format("p50=%d ms p95=%d ms p99=%d ms max=%d ms (n=%d)", at(sorted, 0.50), at(sorted, 0.95),
                at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1_000_000, sorted.size());
    }

    private static long at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1)) / 1_000_000;
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofMinutes(5)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(condition::getAsBoolean);
        log(what + " ready");
    }

    private static void log(String message) {
        System.out.println(Instant.now() + " " + message);
    }
}
