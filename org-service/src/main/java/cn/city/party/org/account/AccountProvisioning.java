package cn.city.party.org.account;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.error.Problems;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.org.member.Member;
import cn.city.party.org.member.MemberService;
import cn.city.party.org.member.MemberStatus;
import cn.city.party.org.organization.Organization;
import cn.city.party.org.organization.OrganizationService;
import cn.city.party.org.organization.OrganizationType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * 开通账号: a department admin gives members their logins, one at a time or a branch (with its sub-organizations) or
 * the whole department at once, linked to the member records by the token subject.
 * <p>
 * Find-or-create by user name, so a retry after an interrupted run is safe: an account of that name is taken over
 * only if Keycloak has it in the member's department, nobody has signed in with it yet (its password change is still
 * required) and no member is linked to it; it gets a new one-time password (the earlier one was never handed out
 * completely). Any other account of that name is reported, never changed.
 */
@Service
public class AccountProvisioning {

    private static final String PASSWORD_CHARACTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MemberService members;
    private final KeycloakAccounts keycloak;
    private final ScopedMongo store;
    private final OrganizationService organizations;
    private final ApplicationEventPublisher opened;

    public AccountProvisioning(MemberService members, KeycloakAccounts keycloak, ScopedMongo store,
                               OrganizationService organizations, ApplicationEventPublisher opened) {
        this.members = members;
        this.keycloak = keycloak;
        this.store = store;
        this.organizations = organizations;
        this.opened = opened;
    }

    /** The linked member and the one-time password to hand over; the password is shown once and never stored. */
    public record Provisioned(Member member, String username, String temporaryPassword) {
    }

    /** One member's line of a bulk run: its login and one-time password, or why it has none from this run. */
    public record Line(String name, String branch, String username, String temporaryPassword, Outcome outcome,
                       Reason reason) {
    }

    /** Why a member got no account from this run: a message key and its arguments. */
    public record Reason(String code, List<Object> args) {
        static Reason of(DomainProblem problem) {
            return new Reason(problem.code(), List.of(problem.args()));
        }
    }

    public enum Outcome {
        CREATED("已开通"), ALREADY_LINKED("已有账号，未重复开通"), NOT_CREATED("未开通");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public Provisioned provision(String memberId, String username, String email) {
        Member member = members.get(memberId);
        if (member.accountSubject() != null) {
            throw Problems.conflict("account.alreadyLinked", member.name());
        }
        String address = email != null ? email : member.contact().email();
        if (address == null) {
            throw Problems.rule("email", "account.emailRequired");
        }
        return open(member, username, address);
    }

    /**
     * Every member on the roll of {@code organizationId} and below (or of the caller's department when null) without
     * an account gets one. 503 before anything when Keycloak cannot be reached; if it fails on the way, the members
     * done so far are in the answer with their passwords and the rest are reported as not provisioned (a retry is safe).
     */
    public List<Line> provisionAll(String organizationId) {
        String department = CurrentCaller.get().department();
        Criteria criteria = Criteria.where("status").in(MemberStatus.ACTIVE);
        Map<String, String> branchNames;
        if (organizationId != null) {
            List<Organization> subtree = organizations.subtree(organizationId);
            branchNames = names(subtree);
            criteria = criteria.and("branchId").in(branchNames.keySet());
        } else {
            criteria = criteria.and("department").is(department);
            branchNames = names(organizations.list(department));
        }
        List<Member> roll = store.find(criteria, Sort.by("branchId", "name"), Member.class);
        keycloak.requireReachable();
        List<Line> lines = new ArrayList<>();
        DomainProblem unavailable = null;
        for (Member member : roll) {
            String branch = branchNames.getOrDefault(member.branchId(), member.branchId());
            if (member.accountSubject() != null) {
                lines.add(new Line(member.name(), branch, null, null, Outcome.ALREADY_LINKED, null));
            } else if (unavailable != null) {
                lines.add(new Line(member.name(), branch, null, null, Outcome.NOT_CREATED, Reason.of(unavailable)));
            } else if (member.contact().email() == null) {
                lines.add(new Line(member.name(), branch, null, null, Outcome.NOT_CREATED,
                        new Reason("account.emailRequired", List.of())));
            } else {
                String username = usernameOf(member.department(), member.id());
                try {
                    Provisioned p = open(member, username, member.contact().email());
                    lines.add(new Line(member.name(), branch, username, p.temporaryPassword(), Outcome.CREATED, null));
                } catch (DomainProblem e) {
                    if (e.status() == HttpStatus.SERVICE_UNAVAILABLE) {
                        unavailable = e;
                    }
                    lines.add(new Line(member.name(), branch, username, null, Outcome.NOT_CREATED, Reason.of(e)));
                }
            }
        }
        return lines;
    }

    /**
     * The login of a member provisioned in bulk: its department code and 8 hex digits of its record id's SHA-256,
     * the same on every run (what makes a retry find the account of the earlier run).
     */
    static String usernameOf(String department, String memberId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(memberId.getBytes(StandardCharsets.UTF_8));
            return (department + "-" + HexFormat.of().formatHex(digest, 0, 4)).toLowerCase();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Provisioned open(Member member, String username, String email) {
        String password = temporaryPassword();
        Optional<KeycloakAccounts.Account> existing = keycloak.find(username);
        String subject;
        if (existing.isPresent()) {
            KeycloakAccounts.Account account = existing.get();
            if (!account.neverSignedIn() || !member.department().equals(account.department())
                    || store.exists(Criteria.where("accountSubject").is(account.id()), Member.class)) {
                throw new DomainProblem(HttpStatus.CONFLICT, "account.exists", new Object[]{username}, List.of());
            }
            keycloak.reissue(account.id(), member.department(), password);
            subject = account.id();
        } else {
            String name = member.name();
            subject = keycloak.provision(new KeycloakAccounts.NewAccount(username, email,
                    name.length() > 1 ? name.substring(1) : name, name.substring(0, 1), member.department(), password));
        }
        Member linked = members.linkAccount(member.id(), subject);
        opened.publishEvent(new AccountOpened(member.id()));
        return new Provisioned(linked, username, password);
    }

    private static Map<String, String> names(List<Organization> organizations) {
        return organizations.stream().filter(o -> o.type() == OrganizationType.BRANCH).collect(Collectors.toMap(Organization::id, Organization::name));
    }

    /** 14 characters with an upper-case letter, a lower-case letter and a digit, as the realm's password policy asks. */
    private static String temporaryPassword() {
        while (true) {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 14; i++) {
                password.append(PASSWORD_CHARACTERS.charAt(RANDOM.nextInt(PASSWORD_CHARACTERS.length())));
            }
            String p = password.toString();
            if (p.chars().anyMatch(Character::isUpperCase) && p.chars().anyMatch(Character::isLowerCase)
                    && p.chars().anyMatch(Character::isDigit)) {
                return p;
            }
        }
    }
}
