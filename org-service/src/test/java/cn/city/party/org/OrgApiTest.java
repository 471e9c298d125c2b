package cn.city.party.org;

import cn.city.party.common.test.Api;
import cn.city.party.common.contracts.DisciplineEventSamples;
import cn.city.party.common.test.ServiceApiTest;
import cn.city.party.common.test.Workbooks;
import cn.city.party.org.member.NationalId;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * What the org-service API tests share: they all run in one application context with the demo data seeded, and
 * each builds its own branches beside it so the tests do not depend on one another.
 */
public abstract class OrgApiTest extends ServiceApiTest {

    protected static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String SANCTION_TOPIC = "party.discipline.sanction";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    protected static LocalDate today() {
        return LocalDate.now(SHANGHAI);
    }

    /** The fields a problem response names. */
    protected static java.util.List<String> fields(Api.Response problem) {
        return problem.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    }

    /** A one-sheet workbook: the header, then the rows, every cell as text. */
    protected static byte[] workbook(List<String> headers, List<List<String>> rows) throws IOException {
        return Workbooks.sheet(null, headers, rows);
    }

    /** Uploads {@code file} as the multipart field {@code file}, as the department pages do. */
    protected Api.Response upload(String user, String path, byte[] file) {
        return api().as(user).upload(path, file);
    }

    /** The refused cells of an import report as {@code row|column|reason}. */
    protected static List<String> rowErrors(Api.Response report) {
        return report.json().path("errors").valueStream()
                .map(e -> e.path("row").asInt() + "|" + e.path("column").asString() + "|" + e.path("reason").asString()).toList();
    }

    /** A new branch under the department's organ committee (demo id {@code <department>-committee}). */
    protected String newBranch(String admin, String department) {
        Api.Response created = api().as(admin).post("/api/org/organizations", Map.of("department", department,
                "type", "BRANCH", "name", "测试支部" + SEQUENCE.incrementAndGet(), "parentId", department + "-committee"));
        if (created.status() != 201) {
            throw new AssertionError("branch not created: " + created);
        }
        return created.json().path("id").asString();
    }

    /** A valid, unique national ID for someone born on {@code birth}. */
    protected static String nationalId(LocalDate birth) {
        String region = "%06d".formatted(ThreadLocalRandom.current().nextInt(110000, 659999));
        String sequence = "%03d".formatted(ThreadLocalRandom.current().nextInt(1000));
        return NationalId.withCheckCharacter(region + birth.toString().replace("-", "") + sequence);
    }

    protected static Map<String, Object> profile(String name, LocalDate birth, LocalDate joined) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", name);
        p.put("gender", "FEMALE");
        p.put("ethnicity", "汉族");
        p.put("birthDate", birth.toString());
        p.put("nationalId", nationalId(birth));
        p.put("education", "研究生");
        p.put("post", "科员");
        p.put("joinedOn", joined.toString());
        p.put("leadingCadre", false);
        p.put("partyAffairsCadre", "NONE");
        return p;
    }

    protected static Map<String, Object> admission(String branchId, String status, Map<String, Object> profile) {
        Map<String, Object> body = new HashMap<>();
        body.put("branchId", branchId);
        body.put("status", status);
        body.put("profile", profile);
        body.put("contact", Map.of("phone", "13900000000"));
        return body;
    }

    /** Admits a full member born in 1985 who joined in 2010 and returns its id. */
    protected String admit(String admin, String branchId, String name) {
        return admit(admin, admission(branchId, "FULL", profile(name, LocalDate.of(1985, 4, 12), LocalDate.of(2010, 7, 1))));
    }

    protected String admit(String admin, Map<String, Object> admission) {
        Api.Response admitted = api().as(admin).post("/api/org/members", admission);
        if (admitted.status() != 201) {
            throw new AssertionError("member not admitted: " + admitted);
        }
        return admitted.json().path("id").asString();
    }

    /** {@code count} full members of the branch, named 委员0, 委员1, … */
    protected List<String> members(String admin, String branch, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(admit(admin, branch, "委员" + i));
        }
        return ids;
    }

    /** The body of an election: the term's start and pairs of post and member id. */
    protected static Map<String, Object> election(LocalDate start, Object... postAndMember) {
        List<Map<String, String>> posts = new ArrayList<>();
        for (int i = 0; i < postAndMember.length; i += 2) {
            posts.add(Map.of("post", (String) postAndMember[i], "memberId", (String) postAndMember[i + 1]));
        }
        return Map.of("termStart", start.toString(), "posts", posts);
    }

    /** Calls Keycloak's admin API as the test Keycloak's bootstrap administrator, to see what org-service really did. */
    protected HttpResponse<String> keycloakAdmin(String method, String path, Object body) {
        try {
            HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String bearer = Api.JSON.readTree(token.body()).path("access_token").asString();
            return HTTP.send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/admin/realms/city" + path))
                    .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Reads Keycloak's admin API (see {@link #keycloakAdmin}). */
    protected JsonNode keycloak(String path) {
        return Api.JSON.readTree(keycloakAdmin("GET", path, null).body());
    }

    /** discipline-service's 严重警告 of a member, as it publishes it ({@code party.discipline.sanction.imposed.v1}). */
    protected void sanctionImposed(String sanctionId, String memberId, String department, String branchId,
                                   LocalDate decidedOn, LocalDate until) {
        sanctionImposed("SERIOUS_WARNING", sanctionId, memberId, department, branchId, decidedOn, until);
    }

    /** discipline-service's sanction of {@code type} (e.g. {@code EXPULSION}, {@code REMOVAL_FROM_POSTS}). */
    protected void sanctionImposed(String type, String sanctionId, String memberId, String department, String branchId,
                                   LocalDate decidedOn, LocalDate until) {
        publish(SANCTION_TOPIC, "party.discipline.sanction.imposed.v1", sanctionId, department,
                DisciplineEventSamples.sanctionImposed(sanctionId, memberId, department, branchId, type, decidedOn, until));
    }

    /** discipline-service's revocation of that sanction ({@code party.discipline.sanction.revoked.v1}). */
    protected void sanctionRevoked(String sanctionId, String memberId, String department, LocalDate revokedOn) {
        publish(SANCTION_TOPIC, "party.discipline.sanction.revoked.v1", sanctionId, department,
                DisciplineEventSamples.sanctionRevoked(sanctionId, memberId, department, revokedOn));
    }

    /** The member's profile as {@code admin} sees it, once {@code until} holds (the consumer works asynchronously). */
    protected JsonNode awaitProfile(String admin, String memberId, Predicate<JsonNode> until) {
        JsonNode[] profile = new JsonNode[1];
        await("the profile of " + memberId, () -> until.test(profile[0] = api().as(admin).get("/api/org/members/" + memberId).json()));
        return profile[0];
    }
}
