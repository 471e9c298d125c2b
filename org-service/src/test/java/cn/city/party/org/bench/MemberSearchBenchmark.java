package cn.city.party.org.bench;

import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.org.OrgCalendar;
import cn.city.party.org.TestRules;
import cn.city.party.org.member.BranchScope;
import cn.city.party.org.member.Contact;
import cn.city.party.org.member.Gender;
import cn.city.party.org.member.Member;
import cn.city.party.org.member.MemberProfile;
import cn.city.party.org.member.MemberRules;
import cn.city.party.org.member.MemberService;
import cn.city.party.org.member.MemberStatus;
import cn.city.party.org.member.NationalId;
import cn.city.party.org.member.PartyAffairsCadre;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

/**
 * How long a paged member search takes with 50,000 members in the store. Not a test: run it with
 * the command in {@link #COMMAND} (from the repository root).
 * Without a URI it starts the in-memory MongoDB substitute (mongo-java-server). The searches go through
 * {@link MemberService#search} with exactly the criteria, sort and paging the API uses; the indexes are the ones the
 * {@link Member} class declares, created the way the service creates them. It prints its
 * results as the Markdown section of docs/benchmarks.md.
 */
public final class MemberSearchBenchmark {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明"};
    private static final String COMMAND = """
            ./mvnw -B -o -q -pl org-service test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
            java -Xmx1g -cp "org-service/target/test-classes:org-service/target/classes:$(cat org-service/target/bench.classpath)" \\
                cn.city.party.org.bench.MemberSearchBenchmark [mongodb://HOST:27017 [50000]]""";
    private static final int WARMUP = 20;
    private static final int RUNS = 100;

    private MemberSearchBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        String uri = args.length > 0 && !args[0].isBlank() ? args[0] : null;
        int members = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        MongoServer server = null;
        if (uri == null) {
            server = new MongoServer(new MemoryBackend());
            uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        }
        try (MongoClient client = MongoClients.create(uri)) {
            MongoTemplate mongo = new MongoTemplate(client, "org-benchmark-" + System.nanoTime());
            createIndexes(mongo);
            long loadStart = System.nanoTime();
            load(mongo, members);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

            ScopedMongo store = new ScopedMongo(mongo);
            OrgCalendar calendar = new OrgCalendar(Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
            // search needs only the store and the scope; admission collaborators are not involved
            MemberService service = new MemberService(store, null, new BranchScope(store),
                    new MemberRules(TestRules.defaults()), null, null, calendar, null);

            List<String> lines = new ArrayList<>();
            lines.add(measure("branch + status, page 1 of 20, sorted by name", () -> service.search(
                    filter(null, "bench-branch-7", MemberStatus.FULL, null, null), page(0, "name", Sort.Direction.ASC))));
            lines.add(measure("name prefix \"王\", page 1 of 20, sorted by name", () -> service.search(
                    filter("王", null, null, null, null), page(0, "name", Sort.Direction.ASC))));
            lines.add(measure("joined 2000–2010, page 50 of 20, newest first", () -> service.search(
                    filter(null, null, null, LocalDate.of(2000, 1, 1), LocalDate.of(2010, 12, 31)),
                    page(49, "joinedOn", Sort.Direction.DESC))));
            lines.add(measure("whole department, page 1 of 20, sorted by name", () -> service.search(
                    filter(null, null, null, null, null), page(0, "name", Sort.Direction.ASC))));

            String report = report(server != null, members, loadSeconds,
                    indexes(mongo), lines);
            // the section of docs/benchmarks.md, in Markdown
            System.out.println(report);
        } finally {
            if (server != null) {
                server.shutdownNow();
            }
        }
    }

    private static MemberService.MemberFilter filter(String name, String branch, MemberStatus status, LocalDate from, LocalDate to) {
        return new MemberService.MemberFilter("bench", name, branch, status, from, to);
    }

    private static PageRequest page(int page, String sort, Sort.Direction direction) {
        return PageRequest.of(page, 20, Sort.by(direction, sort).and(Sort.by("_id")));
    }

    private static void createIndexes(MongoTemplate mongo) {
        var resolver = new MongoPersistentEntityIndexResolver(mongo.getConverter().getMappingContext());
        resolver.resolveIndexFor(Member.class).forEach(index -> mongo.indexOps(Member.class).createIndex(index));
    }

    /** The indexes {@link Member} declares (the substitute accepts only the unique ones and ignores the others). */
    private static List<String> indexes(MongoTemplate mongo) {
        var resolver = new MongoPersistentEntityIndexResolver(mongo.getConverter().getMappingContext());
        List<String> names = new ArrayList<>();
        resolver.resolveIndexFor(Member.class).forEach(i -> names.add(String.valueOf(i.getIndexOptions().get("name"))
                + " " + i.getIndexKeys().toJson()));
        return names.stream().sorted().toList();
    }

    private static void load(MongoTemplate mongo, int count) {
        Random random = new Random(42);
        List<Member> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate birth = LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
            LocalDate joined = birth.plusYears(18 + random.nextInt(20)).plusDays(random.nextInt(365));
            String id = NationalId.withCheckCharacter("%06d".formatted(110000 + i / 1000)
                    + birth.toString().replace("-", "") + "%03d".formatted(i % 1000));
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                    + GIVEN[random.nextInt(GIVEN.length)];
            MemberStatus status = random.nextInt(20) == 0 ? MemberStatus.PROBATIONARY : MemberStatus.FULL;
            MemberProfile profile = new MemberProfile(name, random.nextBoolean() ? Gender.MALE : Gender.FEMALE, "汉族",
                    birth, id, "大学本科", "科员", joined, false, PartyAffairsCadre.NONE);
            batch.add(new Member("bench-m" + i, "bench", "bench-branch-" + (i % 100), null, profile, status,
                    joined.plusYears(1), Contact.NONE, Instant.now()));
            if (batch.size() == 1000) {
                mongo.insert(batch, Member.class);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.insert(batch, Member.class);
        }
    }

    private static String measure(String what, Supplier<?> search) {
        return CurrentCaller.runAsSystem("benchmark", () -> {
            for (int i = 0; i < WARMUP; i++) {
                search.get();
            }
            double[] millis = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                search.get();
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |", what, millis[RUNS / 2],
                    millis[(int) (RUNS * 0.95) - 1], millis[RUNS - 1]);
        });
    }

    private static String report(boolean substitute, int members, double loadSeconds, List<String> indexes, List<String> lines) {
        StringBuilder md = new StringBuilder();
        md.append("## Member search\n\n");
        md.append("Issue 3: a paged member search with ").append(members).append(" members in the store.\n\n");
        md.append("Measured by `cn.city.party.org.bench.MemberSearchBenchmark` (a main class under src/test/java, not a test), ")
                .append("through `MemberService.search` with the API's criteria, sort and paging (20 per page; the page query and ")
                .append("the count for `totalElements`). ").append(WARMUP).append(" warm-up runs, then ").append(RUNS)
                .append(" measured runs per search.\n\n");
        md.append("Reproduce (from the repository root):\n\n```\n").append(COMMAND).append("\n```\n\n")
                .append("Without a URI the benchmark starts the in-memory substitute; give a URI (and a member count) to ")
                .append("measure against a real MongoDB.\n\n");
        md.append("- store: ").append(substitute ? "in-memory MongoDB substitute (mongo-java-server 1.47, in the benchmark's JVM)"
                : "MongoDB at the given URI").append("\n");
        md.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append("\n");
        md.append("- loading ").append(members).append(" members: ").append(String.format(Locale.ROOT, "%.1f s", loadSeconds)).append("\n");
        md.append("- indexes on `members`: ").append(String.join(", ", indexes.stream().map(i -> "`" + i + "`").toList())).append("\n\n");
        md.append("| search | median ms | p95 ms | max ms |\n|---|---|---|---|\n");
        lines.forEach(l -> md.append(l).append("\n"));
        md.append("\nThe substitute evaluates queries by scanning (it keeps unique indexes for constraints, it has no ")
                .append("query planner), so its figures are an upper bound; on MongoDB the named compound indexes serve ")
                .append("the branch/status/name, name-prefix and joinedOn searches, each led by `department`.\n");
        return md.toString();
    }
}
