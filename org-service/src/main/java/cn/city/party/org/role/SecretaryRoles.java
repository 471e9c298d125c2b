package cn.city.party.org.role;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.security.Role;
import cn.city.party.org.account.AccountOpened;
import cn.city.party.org.account.KeycloakAccounts;
import cn.city.party.org.committee.Committee;
import cn.city.party.org.committee.CommitteeRules;
import cn.city.party.org.committee.Term;
import cn.city.party.org.member.Member;
import cn.city.party.org.organization.Organization;
import cn.city.party.org.organization.OrganizationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Roles follow posts: the holders of a branch's serving posts ({@link CommitteeRules#servingPosts()}) get the
 * {@code BRANCH_SECRETARY} role and the branch in their {@code branches} attribute (the token's claim); whoever
 * serves the branch in Keycloak without holding such a post loses it.
 * <p>
 * Why a job and not the election request: the change is marked on the committee in the same write as the election
 * (or the sanction's removal from posts), so it cannot be lost, and Keycloak being down never fails an election; this
 * job applies marked changes and retries them until Keycloak takes them. Applying is idempotent (the desired state
 * is compared with Keycloak's), each grant and withdrawal is recorded under an id fixed by the committee's version and
 * the member, and the mark is cleared only if the committee did not change meanwhile: a change is applied, and
 * recorded, exactly once, however often the job retries or how many instances run it.
 */
@Component
public class SecretaryRoles {

    private static final Logger log = LoggerFactory.getLogger(SecretaryRoles.class);
    private static final String SYSTEM = "system";

    private final MongoTemplate mongo;
    private final KeycloakAccounts keycloak;
    private final CommitteeRules rules;
    private final Clock clock;

    public SecretaryRoles(MongoTemplate mongo, KeycloakAccounts keycloak, CommitteeRules rules, Clock clock) {
        this.mongo = mongo;
        this.keycloak = keycloak;
        this.clock = clock;
        this.rules = rules;
    }

    @Scheduled(fixedDelayString = "${org.roles.sync-every:5s}", initialDelayString = "${org.roles.sync-every:5s}")
    void run() {
        for (Committee committee : mongo.find(Query.query(Criteria.where("rolesPending").ne(null)), Committee.class)) {
            try {
                apply(committee);
            } catch (DomainProblem e) {
                // Keycloak unreachable or refusing: the mark stays, the next run retries
                log.warn("roles of organization {} not applied yet: {}", committee.organizationId(), e.code());
            }
        }
    }

    /** Marks the committees where the member holds a post, so a newly provisioned account gets its role. */
    @EventListener
    public void accountProvisioned(AccountOpened opened) {
        mongo.updateMulti(Query.query(Criteria.where("current.posts.memberId").is(opened.memberId())),
                new Update().set("rolesPending", Committee.RoleChange.ACCOUNT_PROVISIONED).inc("version", 1), Committee.class);
    }

    void apply(Committee committee) {
        String branch = committee.organizationId();
        Organization organization = mongo.findById(branch, Organization.class);
        Map<String, Member> serving = new LinkedHashMap<>();
        if (organization != null && organization.type() == OrganizationType.BRANCH
                && organization.status() == Organization.Status.ACTIVE && committee.current() != null) {
            Set<?> posts = rules.servingPosts();
            committee.current().posts().stream().filter(seat -> posts.contains(seat.post())).map(Term.Seat::memberId)
                    .map(id -> mongo.findById(id, Member.class)).filter(Objects::nonNull)
                    .filter(m -> m.accountSubject() != null).forEach(m -> serving.put(m.accountSubject(), m));
        }
        Set<String> inKeycloak = keycloak.serving(branch);
        RoleGrant.Cause cause = RoleGrant.Cause.valueOf(committee.rolesPending().name());
        for (String subject : inKeycloak) {
            if (!serving.containsKey(subject)) {
                Member former = mongo.findOne(Query.query(Criteria.where("accountSubject").is(subject)), Member.class);
                change(committee, subject, former, RoleGrant.Action.WITHDRAWN, cause);
            }
        }
        serving.forEach((subject, member) -> {
            if (!inKeycloak.contains(subject)) {
                change(committee, subject, member, RoleGrant.Action.GRANTED, cause);
            }
        });
        mongo.updateFirst(Query.query(Criteria.where("_id").is(branch).and("version").is(committee.version())),
                new Update().unset("rolesPending"), Committee.class);
    }

    /** Recorded first (not yet applied), applied, then marked applied: a crash in between is retried, never doubled. */
    private void change(Committee committee, String subject, Member member, RoleGrant.Action action, RoleGrant.Cause cause) {
        String branch = committee.organizationId();
        String id = id(branch, committee.version(), subject, action);
        RoleGrant grant = new RoleGrant(id, committee.department(), member == null ? null : member.id(),
                member == null ? null : member.name(), subject, Role.BRANCH_SECRETARY, branch, action, cause,
                null, SYSTEM, clock.instant(), false);
        try {
            mongo.insert(grant);
        } catch (DuplicateKeyException retried) {
            // recorded by an earlier attempt that Keycloak did not complete
        }
        keycloak.serve(subject, branch, action == RoleGrant.Action.GRANTED);
        mongo.updateFirst(Query.query(Criteria.where("_id").is(id)), new Update().set("applied", true), RoleGrant.class);
    }

    private static String id(String branch, Long version, String subject, RoleGrant.Action action) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((branch + "|" + version + "|" + subject + "|" + action).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
