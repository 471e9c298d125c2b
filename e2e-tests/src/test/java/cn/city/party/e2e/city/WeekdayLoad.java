package cn.city.party.e2e.city;

import cn.city.party.common.test.Api;
import cn.city.party.e2e.Percentiles;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Not a test: a weekday on the generated city, through the gateway with the cast's real tokens, for a bounded time.
 * Arrivals come at a fixed rate whatever the answers take (open loop), each one of a kind drawn by its weight:
 *
 * <table>
 *   <tr><th>weight</th><th>kind</th><th>requests</th></tr>
 *   <tr><td>25</td><td>member opens its tasks (首页)</td><td>planned sittings, study credits, exams, own dues</td></tr>
 *   <tr><td>10</td><td>member checks in</td><td>check-in to a sitting its secretary opened for it</td></tr>
 *   <tr><td>10</td><td>member studies</td><td>30 s of study time reported</td></tr>
 *   <tr><td>5</td><td>member submits an exam</td><td>starts an attempt, submits it</td></tr>
 *   <tr><td>10</td><td>secretary records a sitting</td><td>a 主题党日 held half an hour ago, its attendance</td></tr>
 *   <tr><td>15</td><td>department staff search members</td><td>by a surname, 20 per page</td></tr>
 *   <tr><td>10</td><td>department staff open dashboards</td><td>the quarter's compliance, the branch ranking</td></tr>
 *   <tr><td>5</td><td>work committee opens the city dashboard</td><td>the quarter's city compliance, the department ranking</td></tr>
 * </table>
 *
 * <p>It reports p50/p95/p99 per request kind and every error (a refused token, a 4xx or 5xx, a timeout) with its time,
 * counted and never retried; then it checks that every sitting the load recorded can be read back, appears among the
 * facts of its branch's scorecard in org-service (the event path: outbox, Kafka, consumers) and was stored once.
 * While it runs it watches each recorded sitting arrive on its branch's scorecard (held → scorecard, polled every
 * {@value #WATCH_MILLIS} ms, so a figure is late by at most that and one reading).
 * With {@code --kill activity-service} it kills one instance of that service (SIGKILL, from the local runner's PID
 * file) a third into the run, and reports the window in which requests failed. With {@code --exam-burst N} it starts N
 * exam attempts of the cast's members before the run and submits them evenly over one minute from half-way in, on
 * top of the mix, then checks that the exams' results count every submission.
 *
 * <pre>
 * java -cp … cn.city.party.e2e.city.WeekdayLoad [--gateway …] [--keycloak …] [--cast .platform/city/cast.tsv]
 *     [--seconds 300] [--rate 20] [--kill activity-service] [--pids .platform/platform.pids] [--exam-burst 0]
 * </pre>
 */
public final class WeekdayLoad {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int WATCH_MILLIS = 200;
    /** The most attempts one member may have at one exam (the exam's own limit). */
    private static final int ATTEMPTS_PER_EXAM = 10;
    private static final String BURST = "burst.exam submit";
    /** The work committee's demo account (the generated city has no committee staff of its own). */
    private static final Cast.Account COMMITTEE = new Cast.Account(Cast.Role.WORK_COMMITTEE, "", null, "", "work-committee",
            cn.city.party.common.test.Tokens.DEMO_PASSWORD);

    private final String gateway;
    private final Cast.Sessions sessions;
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    private final Queue<String> errors = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> errorCounts = new ConcurrentHashMap<>();
    /** Sittings the load recorded: id → branch. */
    private final Map<String, String> recorded = new ConcurrentHashMap<>();
    /** Per branch the load records in: its 主题党日 of the year once prepared (a write stored twice is one more after). */
    private final Map<String, Long> themeDaysBefore = new ConcurrentHashMap<>();
    /** Recordings the load got no clear answer to (no answer, or a 5xx): each may have been stored all the same. */
    private final AtomicInteger recordsInDoubt = new AtomicInteger();
    /**
     * The branches the load sent a recording for, answered or not: only they can hold a sitting it stored, so only they
     * are counted at the end (a whole city's 2,500 counts outlasted the check on a loaded platform).
     */
    private final Set<String> recordedIn = ConcurrentHashMap.newKeySet();
    private final Instant began = Instant.now();
    private volatile Instant killedAt;

    private final List<Cast.Account> members = new ArrayList<>();
    private final List<Cast.Account> secretaries = new ArrayList<>();
    private final List<Cast.Account> admins = new ArrayList<>();
    private final Map<String, List<String>> branchMembers = new ConcurrentHashMap<>();
    private final Map<String, Queue<String>> openSittings = new ConcurrentHashMap<>();
    private final Map<String, String> loadExams = new HashMap<>();
    private final Map<String, List<String>> materials = new HashMap<>();
    private final Map<String, AtomicInteger> examsLeft = new ConcurrentHashMap<>();
    /** Recorded sittings not yet seen on their branch's scorecard: id → when the recording was answered (nanoTime). */
    private final Map<String, Long> unseen = new ConcurrentHashMap<>();
    private final List<Long> heldToScorecard = Collections.synchronizedList(new ArrayList<>());
    /** The burst's attempts, started before the run, each with its member and submission body. */
    private final List<BurstAttempt> burst = new ArrayList<>();
    /** The burst's exams by department, whose results count the submissions stored. */
    private final Map<String, List<String>> burstExams = new HashMap<>();
    private final AtomicInteger burstSubmitted = new AtomicInteger();
    private final AtomicInteger burstInDoubt = new AtomicInteger();

    private record BurstAttempt(Cast.Account member, String id, String submission) {
    }

    WeekdayLoad(String gateway, String keycloak, List<Cast.Account> cast) {
        this.gateway = gateway;
        this.sessions = new Cast.Sessions(keycloak);
        for (Cast.Account a : cast) {
            sessions.password(a.username(), a.password());
            switch (a.role()) {
                case MEMBER -> members.add(a);
                case SECRETARY -> secretaries.add(a);
                case DEPT_ADMIN -> admins.add(a);
                case INSPECTOR, WORK_COMMITTEE -> { }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        ProgramOptions options = ProgramOptions.of("WeekdayLoad").option("gateway", "http://localhost:8080")
                .option("keycloak", "http://localhost:8180").option("cast", ".platform/city/cast.tsv")
                .option("seconds", "300").option("rate", "20").optional("kill", "service")
                .option("pids", ".platform/platform.pids").option("exam-burst", "0").parse(args);
        int seconds = options.integer("seconds");
        double rate = options.decimal("rate");
        int examBurst = options.integer("exam-burst");
        if (examBurst > 0 && seconds < 120) {
            System.err.println("--exam-burst needs --seconds 120 or more: the minute of submissions begins half-way in");
            System.exit(2);
        }
        WeekdayLoad load = new WeekdayLoad(options.text("gateway"), options.text("keycloak"),
                Cast.read(options.path("cast")));
        load.prepare(seconds, rate);
        load.prepareBurst(examBurst);
        load.run(seconds, rate, options.text("kill"), options.path("pids"));
        System.exit(load.report() ? 0 : 1);
    }

    /** Per studying member: sittings of its branch planned with check-in open; per department: an exam for the load. */
    void prepare(int seconds, double rate) {
        Api api = new Api(gateway, sessions::of);
        Map<String, Api> adminOf = new HashMap<>();
        for (Cast.Account admin : admins) {
            Api a = api.as(admin.username());
            adminOf.put(admin.department(), a);
            loadExams.put(admin.department(), publishExam(a, "周测（负载）", 30));
        }
        Api committee = api.as(COMMITTEE.username());
        // a tenth of the arrivals are check-ins, each to a sitting the member has not checked in to
        int checkInsPerMember = (int) Math.ceil(seconds * rate * 0.10 / Math.max(1, members.size()) * 1.5) + 1;
        for (Cast.Account m : members) {
            Cast.Account secretary = secretaries.stream().filter(s -> s.branchId().equals(m.branchId())).findFirst().orElseThrow();
            Api s = api.as(secretary.username());
            Queue<String> sittings = openSittings.computeIfAbsent(m.username(), b -> new ConcurrentLinkedQueue<>());
            while (sittings.size() < checkInsPerMember) {
                Api.Response planned = s.post("/api/activities", Map.of("branchId", m.branchId(), "types", List.of("THEME_PARTY_DAY"),
                        "title", "主题党日（负载）", "plannedAt", Instant.now().plus(Duration.ofMinutes(30)).toString()));
                if (planned.status() != 201) {
                    throw new IllegalStateException("could not plan a sitting for check-ins: " + planned);
                }
                String id = planned.json().path("id").asString();
                s.post("/api/activities/" + id + "/check-in/open", Map.of());
                sittings.add(id);
            }
            List<String> own = new ArrayList<>();
            Api me = api.as(m.username());
            me.get("/api/study/materials?size=20").json().path("content").valueStream()
                    .forEach(x -> own.add(x.path("id").asString()));
            // starting answers the member's progress; one completed already (by the city's study step) takes no more
            // time (409), so the member studies only the others, as the app offers them
            own.removeIf(x -> me.post("/api/study/progress/materials/" + x + "/start", Map.of()).json()
                    .path("completedAt").isString());
            materials.put(m.username(), own);
            examsLeft.put(m.username(), new AtomicInteger(ATTEMPTS_PER_EXAM));
        }
        // each branch's 主题党日 so far, counted after the sittings planned for check-ins above (they are 主题党日 too),
        // and, where its department's administrator is in the cast, its roster; four at a time: a whole city has 2,500
        // branches. Every secretary's branch is counted, as the load may record in any
        allOf(4, secretaries.stream().map(s -> Executors.callable(() -> {
            themeDaysBefore.put(s.branchId(), themeDays(committee, s.branchId()));
            Api admin = adminOf.get(s.department());
            if (admin != null) {
                List<String> ids = new ArrayList<>();
                admin.get("/api/org/members?size=100&branchId=" + s.branchId()).json().path("content").valueStream()
                        .forEach(m -> ids.add(m.path("id").asString()));
                branchMembers.put(s.branchId(), ids);
            }
        })).toList(), "preparing the branches");
        System.out.printf("prepared: %d members, %d secretaries, %d departments; %d sittings open for check-in%n",
                members.size(), secretaries.size(), admins.size(), openSittings.values().stream().mapToInt(Queue::size).sum());
    }

    /**
     * An exam open for a day, drawn from the department's bank (the generator's 党章党规 questions) so each attempt has
     * its own paper, and {@value #ATTEMPTS_PER_EXAM} attempts a member.
     */
    private static String publishExam(Api admin, String title, int minutes) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "mode", "RANDOM",
                "draws", List.of(Map.of("category", "PARTY_CONSTITUTION", "count", 5)), "timeLimitMinutes", minutes,
                "passMark", 60, "attemptLimit", ATTEMPTS_PER_EXAM, "scoring", "PARTIAL", "audience", "ALL"));
        body.put("opensAt", Instant.now().minusSeconds(60).toString());
        body.put("closesAt", Instant.now().plus(Duration.ofDays(1)).toString());
        Api.Response created = admin.post("/api/study/exams", body);
        if (created.status() != 201) {
            throw new IllegalStateException("could not publish the exam " + title + ": " + created);
        }
        return created.json().path("id").asString();
    }

    void run(int seconds, double rate, String kill, Path pids) throws InterruptedException {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService workers = Executors.newFixedThreadPool(64);
        Random random = new Random(7);
        long spacing = (long) (1_000_000 / rate);
        long arrivals = (long) (seconds * rate);
        Instant start = Instant.now();
        for (long i = 0; i < arrivals; i++) {
            int draw = random.nextInt(90);
            long seed = random.nextLong();
            clock.schedule(() -> workers.submit(() -> arrive(draw, new Random(seed))), i * spacing, TimeUnit.MICROSECONDS);
        }
        if (kill != null) {
            clock.schedule(() -> killOne(kill, pids), seconds / 3, TimeUnit.SECONDS);
        }
        // the burst: its submissions evenly over one minute from half-way in
        for (int i = 0; i < burst.size(); i++) {
            BurstAttempt attempt = burst.get(i);
            clock.schedule(() -> workers.submit(() -> submit(attempt)),
                    seconds * 500_000L + i * 60_000_000L / burst.size(), TimeUnit.MICROSECONDS);
        }
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor();
        watcher.scheduleWithFixedDelay(this::watchScorecards, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
        clock.shutdown();
        clock.awaitTermination(seconds + 60L, TimeUnit.SECONDS);
        workers.shutdown();
        // every call sent is answered or times out before the figures are printed: a platform that fell behind (a
        // burst queued hundreds of calls) shows in them rather than being cut off; the bound keeps the run finite
        if (!workers.awaitTermination(10, TimeUnit.MINUTES)) {
            System.out.printf("%d calls not yet sent after ten minutes: left out of the figures%n", workers.shutdownNow().size());
        }
        System.out.printf("load ran %d s at %.1f arrivals/s%n", Duration.between(start, Instant.now()).toSeconds(), rate);
        // the last sittings recorded get a minute to arrive; what has not by then is reported missing by the check
        Instant until = Instant.now().plusSeconds(60);
        while (!unseen.isEmpty() && Instant.now().isBefore(until)) {
            Thread.sleep(WATCH_MILLIS);
        }
        watcher.shutdownNow();
        watcher.awaitTermination(30, TimeUnit.SECONDS);
    }

    /**
     * Starts {@code submissions} attempts before the run, spread over the cast's members in turn; each department gets
     * as many exams for the burst as its members need at {@value #ATTEMPTS_PER_EXAM} attempts an exam. A member's app
     * answers every question with its first option.
     */
    void prepareBurst(int submissions) {
        if (submissions <= 0) {
            return;
        }
        Api api = new Api(gateway, sessions::of);
        int rounds = (submissions + members.size() - 1) / members.size();
        int examsEach = (rounds + ATTEMPTS_PER_EXAM - 1) / ATTEMPTS_PER_EXAM;
        for (Cast.Account admin : admins) {
            List<String> ids = new ArrayList<>();
            for (int e = 0; e < examsEach; e++) {
                // long enough that an attempt started before the run is still open at its submission
                ids.add(publishExam(api.as(admin.username()), "专题测试（峰值" + (e + 1) + "）", 600));
            }
            burstExams.put(admin.department(), ids);
        }
        // a member's attempts one after another: an attempt's number is its member's count so far, so two started at
        // once would race for the same number and one be refused
        List<Callable<List<BurstAttempt>>> starts = new ArrayList<>();
        for (int k = 0; k < members.size(); k++) {
            Cast.Account m = members.get(k);
            int own = submissions / members.size() + (k < submissions % members.size() ? 1 : 0);
            starts.add(() -> {
                List<BurstAttempt> started = new ArrayList<>();
                for (int n = 0; n < own; n++) {
                    String exam = burstExams.get(m.department()).get(n / ATTEMPTS_PER_EXAM);
                    Api.Response attempt = api.as(m.username()).post("/api/study/exams/" + exam + "/attempts", Map.of());
                    if (attempt.status() != 201) {
                        throw new IllegalStateException("could not start an attempt of the burst: " + attempt);
                    }
                    Map<String, List<String>> answers = new HashMap<>();
                    attempt.json().path("questions").valueStream().forEach(q -> answers.put(q.path("questionId").asString(),
                            List.of(q.path("options").get(0).path("id").asString())));
                    started.add(new BurstAttempt(m, attempt.json().path("id").asString(),
                            Api.JSON.writeValueAsString(Map.of("answers", answers))));
                }
                return started;
            });
        }
        List<List<BurstAttempt>> byMember = allOf(8, starts, "starting the burst's attempts");
        // submitted round by round, so the minute's submissions come from every member throughout
        for (int n = 0; burst.size() < submissions; n++) {
            for (List<BurstAttempt> own : byMember) {
                if (n < own.size()) {
                    burst.add(own.get(n));
                }
            }
        }
        System.out.printf("prepared the burst: %d attempts started on %d exams a department%n", burst.size(), examsEach);
    }

    private void submit(BurstAttempt attempt) {
        HttpResponse<String> r = call(BURST, attempt.member(), "POST", "/api/study/attempts/" + attempt.id() + "/submit",
                attempt.submission());
        if (r == null || r.statusCode() >= 500) {
            burstInDoubt.incrementAndGet();
        } else if (r.statusCode() == 200) {
            burstSubmitted.incrementAndGet();
        }
    }

    /** One round of the watch: each branch with sittings not yet seen has its scorecard read once. */
    private void watchScorecards() {
        try {
            Map<String, List<String>> byBranch = new HashMap<>();
            unseen.keySet().forEach(id -> byBranch.computeIfAbsent(recorded.get(id), b -> new ArrayList<>()).add(id));
            Api committee = new Api(gateway, sessions::of).as(COMMITTEE.username());
            int year = LocalDate.now(CityPlan.ZONE).getYear();
            byBranch.forEach((branch, ids) -> {
                Map<String, Integer> listed = listings(committee, branch, year);
                long now = System.nanoTime();
                ids.stream().filter(listed::containsKey).forEach(id -> heldToScorecard.add(now - unseen.remove(id)));
            });
        } catch (RuntimeException e) {
            // a reading that failed (the killed instance, a refused token) is tried again at the next round
        }
    }

    private void arrive(int draw, Random random) {
        try {
            if (draw < 25) {
                Cast.Account m = pick(members, random);
                int year = LocalDate.now(CityPlan.ZONE).getYear();
                call("member.home planned", m, "GET", "/api/activities?status=PLANNED&size=50", null);
                call("member.home credits", m, "GET", "/api/study/progress/mine?year=" + year, null);
                call("member.home exams", m, "GET", "/api/study/exams", null);
                call("member.home dues", m, "GET", "/api/org/dues/me", null);
            } else if (draw < 35) {
                Cast.Account m = pick(members, random);
                String sitting = openSittings.get(m.username()).poll();
                if (sitting != null) {
                    call("member.check-in", m, "POST", "/api/activities/" + sitting + "/check-in", "{}");
                }
            } else if (draw < 45) {
                Cast.Account m = pick(members, random);
                List<String> own = materials.get(m.username());
                if (!own.isEmpty()) {
                    call("member.study", m, "POST", "/api/study/progress/materials/" + own.get(random.nextInt(own.size()))
                            + "/time", "{\"seconds\":30}");
                }
            } else if (draw < 50) {
                exam(pick(members, random));
            } else if (draw < 60) {
                record(pick(secretaries, random), random);
            } else if (draw < 75) {
                Cast.Account a = pick(admins, random);
                String surname = String.valueOf("王李张刘陈杨黄赵吴周".charAt(random.nextInt(10)));
                call("dept.search", a, "GET", "/api/org/members?size=20&department=" + a.department() + "&name="
                        + java.net.URLEncoder.encode(surname, java.nio.charset.StandardCharsets.UTF_8), null);
            } else if (draw < 85) {
                Cast.Account a = pick(admins, random);
                call("dept.compliance", a, "GET", "/api/compliance/departments/" + a.department() + "?period=" + quarter(), null);
                call("dept.ranking", a, "GET", "/api/org/scorecards/rankings/departments/" + a.department() + "?year="
                        + LocalDate.now(CityPlan.ZONE).getYear(), null);
            } else {
                call("committee.city", COMMITTEE, "GET", "/api/compliance/city?period=" + quarter(), null);
                call("committee.ranking", COMMITTEE, "GET", "/api/org/scorecards/rankings/city?year="
                        + LocalDate.now(CityPlan.ZONE).getYear(), null);
            }
        } catch (RuntimeException e) {
            error("arrival", "exception " + e);
        }
    }

    private void exam(Cast.Account m) {
        String examId = loadExams.get(m.department());
        if (examId == null || examsLeft.get(m.username()).getAndDecrement() <= 0) {
            return;
        }
        HttpResponse<String> attempt = call("member.exam start", m, "POST", "/api/study/exams/" + examId + "/attempts", "{}");
        if (attempt == null || attempt.statusCode() != 201) {
            return;
        }
        JsonNode a = Api.JSON.readTree(attempt.body());
        Map<String, List<String>> answers = new HashMap<>();
        a.path("questions").valueStream().forEach(q -> answers.put(q.path("questionId").asString(),
                List.of(q.path("options").get(0).path("id").asString())));
        call("member.exam submit", m, "POST", "/api/study/attempts/" + a.path("id").asString() + "/submit",
                Api.JSON.writeValueAsString(Map.of("answers", answers)));
    }

    private void record(Cast.Account secretary, Random random) {
        Map<String, Object> body = Map.of("branchId", secretary.branchId(), "types", List.of("THEME_PARTY_DAY"),
                "title", "主题党日（负载）", "held", Map.of("heldAt", Instant.now().minus(Duration.ofMinutes(30)).toString(),
                        "place", "党员活动室", "host", "书记", "hostMemberId", secretary.memberId(), "durationMinutes", 60));
        recordedIn.add(secretary.branchId());
        HttpResponse<String> r = call("secretary.record", secretary, "POST", "/api/activities/records",
                Api.JSON.writeValueAsString(body));
        if (r == null || r.statusCode() >= 500) {
            recordsInDoubt.incrementAndGet();
        }
        if (r == null || r.statusCode() != 201) {
            return;
        }
        long answered = System.nanoTime();
        String id = Api.JSON.readTree(r.body()).path("id").asString();
        recorded.put(id, secretary.branchId());
        unseen.put(id, answered);
        List<Map<String, Object>> entries = branchMembers.getOrDefault(secretary.branchId(), List.of()).stream()
                .map(m -> Map.<String, Object>of("memberId", m, "attendance", "PRESENT")).toList();
        if (!entries.isEmpty()) {
            call("secretary.attendance", secretary, "PUT", "/api/activities/" + id + "/attendance",
                    Api.JSON.writeValueAsString(Map.of("entries", entries)));
        }
    }

    /** One request, timed; anything but a 2xx is an error, counted and kept with its time. Never retried. */
    private HttpResponse<String> call(String kind, Cast.Account who, String method, String path, String json) {
        String token;
        try {
            token = sessions.of(who.username());
        } catch (RuntimeException e) {
            error(kind, "token refused for " + who.username() + ": " + e.getMessage());
            return null;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            latencies.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - t0);
            if (response.statusCode() >= 300) {
                error(kind, method + " " + path + " → " + response.statusCode() + " "
                        + response.body().substring(0, Math.min(200, response.body().length())));
            }
            return response;
        } catch (IOException e) {
            error(kind, method + " " + path + " → " + e);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private void error(String kind, String what) {
        errorCounts.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        errors.add("%6.1f s  %s  %s".formatted(Duration.between(began, Instant.now()).toMillis() / 1000.0, kind, what));
    }

    private void killOne(String service, Path pids) {
        try {
            List<String> lines = Files.readAllLines(pids).stream().filter(l -> l.startsWith(service)).toList();
            if (lines.size() < 2) {
                System.err.println("not killing: " + lines.size() + " instance(s) of " + service + " in " + pids);
                return;
            }
            String[] victim = lines.get(lines.size() - 1).split(" ");
            // a PID file outlives its processes: an instance killed by an earlier run is not there to kill again
            ProcessHandle process = ProcessHandle.of(Long.parseLong(victim[1])).filter(ProcessHandle::isAlive).orElse(null);
            if (process == null) {
                System.err.printf("not killing: %s (pid %s) is not running; start the platform again for a kill%n",
                        victim[0], victim[1]);
                return;
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            killedAt = Instant.now();
            System.out.printf("%6.1f s  killed %s (pid %s)%n", Duration.between(began, killedAt).toMillis() / 1000.0, victim[0], victim[1]);
        } catch (IOException e) {
            System.err.println("could not read " + pids + ": " + e);
        }
    }

    /** Prints the figures; true when nothing the load wrote was lost or applied twice. */
    boolean report() {
        System.out.println();
        System.out.println("kind                       n      p50 ms   p95 ms   p99 ms   max ms  errors");
        Map<String, List<Long>> sorted = new TreeMap<>(latencies);
        errorCounts.keySet().forEach(k -> sorted.putIfAbsent(k, List.of()));
        sorted.forEach((kind, samples) -> {
            List<Long> ms = samples.stream().map(n -> n / 1_000_000).sorted().toList();
            System.out.printf("%-24s %5d %8s %8s %8s %8s %7d%n", kind, ms.size(), pct(ms, 50), pct(ms, 95), pct(ms, 99),
                    ms.isEmpty() ? "-" : ms.get(ms.size() - 1), errorCounts.getOrDefault(kind, new AtomicInteger()).get());
        });
        List<Long> watched = heldToScorecard.stream().map(n -> n / 1_000_000).sorted().toList();
        System.out.printf("%-24s %5d %8s %8s %8s %8s   (every %d ms; %d not seen)%n", "held → scorecard", watched.size(),
                pct(watched, 50), pct(watched, 95), pct(watched, 99), watched.isEmpty() ? "-" : watched.get(watched.size() - 1),
                WATCH_MILLIS, unseen.size());
        System.out.println("errors: " + errors.size());
        errors.forEach(e -> System.out.println("  " + e));
        if (killedAt != null) {
            double at = Duration.between(began, killedAt).toMillis() / 1000.0;
            List<Double> after = errors.stream().map(e -> Double.parseDouble(e.trim().split(" ")[0])).filter(t -> t >= at).toList();
            System.out.printf("after the kill at %.1f s: %d failed requests, the last %.1f s after it%n", at, after.size(),
                    after.isEmpty() ? 0 : after.get(after.size() - 1) - at);
        }
        return checkWrites() & checkBurst();
    }

    /**
     * Every submission of the burst that was answered is counted by its exam's results, and none more than were sent:
     * the departments' administrators read the results of their burst exams.
     */
    private boolean checkBurst() {
        if (burst.isEmpty()) {
            return true;
        }
        Api api = new Api(gateway, sessions::of);
        long stored = 0;
        for (Cast.Account admin : admins) {
            for (String exam : burstExams.get(admin.department())) {
                Api.Response results = api.as(admin.username()).get("/api/study/exams/" + exam + "/results");
                if (results.status() != 200) {
                    System.out.printf("exam burst: results of %s not counted: %s%n", exam, results);
                    return false;
                }
                stored += results.json().path("attempts").asLong();
            }
        }
        System.out.printf("exam burst: %d submissions sent, %d answered as graded (%d more without a clear answer), "
                + "%d counted by the exams' results%n", burst.size(), burstSubmitted.get(), burstInDoubt.get(), stored);
        return stored >= burstSubmitted.get() && stored <= burstSubmitted.get() + burstInDoubt.get();
    }

    /**
     * Every sitting the load recorded is there, once: readable, on its branch's scorecard in org-service (the events'
     * far end; waits up to 2 min), and the branches hold as many more 主题党日 as the load recorded there (a write
     * stored twice would be one more), give or take the recordings whose answer never came (stored or not).
     */
    private boolean checkWrites() {
        // the committee's token asked for at each call: the check may outlast one (five minutes)
        Supplier<Api> committee = () -> new Api(gateway, sessions::of).as(COMMITTEE.username());
        int year = LocalDate.now(CityPlan.ZONE).getYear();
        Map<String, List<String>> byBranch = new HashMap<>();
        recorded.forEach((id, branch) -> byBranch.computeIfAbsent(branch, b -> new ArrayList<>()).add(id));
        int unread = (int) recorded.keySet().stream().filter(id -> !readable(committee, id)).count();
        // per branch, the last reading of its scorecard: how often it lists each sitting; a complete branch is not read again
        Map<String, Map<String, Integer>> listed = new HashMap<>();
        Predicate<String> complete = branch -> listed.getOrDefault(branch, Map.of()).keySet().containsAll(byBranch.get(branch));
        try {
            // polled in this thread, so no reading is still under way when the counting below begins
            Awaitility.await("the load's sittings on their branches' scorecards").atMost(Duration.ofMinutes(2))
                    .pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(1)).until(() -> {
                        byBranch.keySet().stream().filter(complete.negate())
                                .forEach(branch -> listed.put(branch, listings(committee.get(), branch, year)));
                        return byBranch.keySet().stream().allMatch(complete);
                    });
        } catch (ConditionTimeoutException e) {
            // what has not appeared by then is reported as missing
        }
        int missing = 0;
        for (Map.Entry<String, List<String>> branch : byBranch.entrySet()) {
            for (String id : branch.getValue()) {
                missing += listed.get(branch.getKey()).containsKey(id) ? 0 : 1;
            }
        }
        long stored;
        try {
            stored = recordedIn.stream()
                    .mapToLong(branch -> onceAnswered("主题党日 of branch " + branch, () -> themeDays(committee.get(), branch))
                            - themeDaysBefore.get(branch)).sum();
        } catch (ConditionTimeoutException e) {
            System.out.printf("writes: %d sittings recorded by the load (%d more without a clear answer); not counted: %s%n",
                    recorded.size(), recordsInDoubt.get(), e.getMessage());
            return false;
        }
        System.out.printf("writes: %d sittings recorded by the load (%d more without a clear answer), %d stored; %d not "
                + "readable, %d missing from the scorecards%n", recorded.size(), recordsInDoubt.get(), stored, unread, missing);
        return unread == 0 && missing == 0 && stored >= recorded.size() && stored <= recorded.size() + recordsInDoubt.get();
    }

    /**
     * Whether the sitting reads back; a read the platform did not answer (a 5xx while it still catches up after the
     * load) is asked again, and one never answered within the minute counts as not readable.
     */
    private static boolean readable(Supplier<Api> api, String id) {
        try {
            return onceAnswered("sitting " + id, () -> {
                int status = api.get().get("/api/activities/" + id).status();
                if (status >= 500) {
                    throw new IllegalStateException("sitting " + id + " not read: " + status);
                }
                return status == 200;
            });
        } catch (ConditionTimeoutException e) {
            System.out.println("  " + e.getMessage());
            return false;
        }
    }

    /** The branch's 主题党日 of this year, planned or held; a list that did not answer is no count (never 0). */
    private static long themeDays(Api api, String branch) {
        Api.Response list = api.get("/api/activities?type=THEME_PARTY_DAY&size=1&period="
                + LocalDate.now(CityPlan.ZONE).getYear() + "&branchId=" + branch);
        if (list.status() != 200) {
            throw new IllegalStateException("主题党日 of branch " + branch + " not counted: " + list.status());
        }
        return list.json().path("totalElements").asLong();
    }

    /** What every task answers, in order, {@code threads} at a time; the first failure is thrown once all have ended. */
    private static <T> List<T> allOf(int threads, List<Callable<T>> tasks, String doing) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<T> answers = new ArrayList<>();
            for (Future<T> task : pool.invokeAll(tasks)) {
                answers.add(task.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + doing, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** What {@code ask} answers, asked again every 2 s for up to a minute while it throws IllegalStateException. */
    private static <T> T onceAnswered(String what, Supplier<T> ask) {
        AtomicReference<String> last = new AtomicReference<>(what + " never asked");
        try {
            return Awaitility.await(what + " answered").atMost(Duration.ofMinutes(1))
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2)).ignoreExceptionsInstanceOf(IllegalStateException.class)
                    .until(() -> {
                        try {
                            return ask.get();
                        } catch (IllegalStateException e) {
                            last.set(e.getMessage());
                            throw e;
                        }
                    }, answer -> true);
        } catch (ConditionTimeoutException e) {
            // the last answer, not Awaitility's "but was null": what the platform said is what the operator needs
            throw new ConditionTimeoutException(last.get() + " (for a minute)");
        }
    }

    /** How often the branch's scorecard lists each sitting among the facts of its compliance points. */
    private static Map<String, Integer> listings(Api api, String branch, int year) {
        Map<String, Integer> counts = new HashMap<>();
        JsonNode card = api.get("/api/org/scorecards/branches/" + branch + "?year=" + year).json();
        for (JsonNode item : card.path("items")) {
            if (item.path("item").asString().equals("COMPLIANCE")) {
                for (JsonNode a : item.path("facts").path("activities")) {
                    counts.merge(a.asString(), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static String quarter() {
        LocalDate today = LocalDate.now(CityPlan.ZONE);
        return today.getYear() + "-Q" + today.get(IsoFields.QUARTER_OF_YEAR);
    }

    private static <T> T pick(List<T> from, Random random) {
        return from.get(random.nextInt(from.size()));
    }

    /** A percentile's cell of the report: a kind with errors only has no latencies. */
    private static String pct(List<Long> sorted, int p) {
        return sorted.isEmpty() ? "-" : String.valueOf(Percentiles.nearestRank(sorted, p));
    }
}
