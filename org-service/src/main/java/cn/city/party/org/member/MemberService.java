package cn.city.party.org.member;

import cn.city.party.common.error.DomainProblem.Violation;
import cn.city.party.common.error.Problems;
import cn.city.party.common.events.EventType;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.common.web.RequestId;
import cn.city.party.org.organization.Organization;
import cn.city.party.org.organization.OrganizationService;
import cn.city.party.org.organization.OrganizationType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

@Service
public class MemberService {

    static final String ENTITY = "entity.member";

    private final ScopedMongo store;
    private final OrganizationService organizations;
    private final BranchScope branchScope;
    private final MemberRules rules;
    private final EventFactory events;
    private final PlatformCalendar calendar;
    private final AccountDirectory accounts;
    private final RosterChanges rosterChanges;

    public MemberService(ScopedMongo store, OrganizationService organizations,
                         BranchScope branchScope, MemberRules rules, EventFactory events,
                         PlatformCalendar calendar, AccountDirectory accounts, RosterChanges rosterChanges) {
        this.accounts = accounts;
        this.store = store;
        this.organizations = organizations;
        this.branchScope = branchScope;
        this.rules = rules;
        this.events = events;
        this.calendar = calendar;
        this.rosterChanges = rosterChanges;
    }

    /** A member to admit; {@code id} null for a new random id (the seeder uses fixed ids). */
    public record NewMember(String id, String branchId, String partyGroupId, MemberStatus status, MemberProfile profile,
                            Contact contact, String accountSubject) {
    }

    /** Search criteria; every one optional. {@code name} matches from the start of the name. */
    public record MemberFilter(String department, String name, String branchId, MemberStatus status,
                               LocalDate joinedFrom, LocalDate joinedTo) {
    }

    public Member admit(NewMember m) {
        return admitPrepared(prepare(m));
    }

    /**
     * Checks a new member against every rule without storing it: the import validates all rows this way before it
     * stores any. Field names are those of the profile ({@code profile.birthDate} …).
     */
    public Member prepare(NewMember m) {
        if (!m.status().active()) {
            throw Problems.rule("status", "member.admitStatus");
        }
        requireValid(m.profile());
        Organization branch = branch(m.branchId());
        requireGroup(m.partyGroupId(), branch.id());
        requireUniqueNationalId(branch.department(), m.profile().nationalId(), null);
        if (m.accountSubject() != null) {
            requireLinkable(branch.department(), m.accountSubject());
        }
        Member member = new Member(m.id() == null ? UUID.randomUUID().toString() : m.id(), branch.department(),
                branch.id(), m.partyGroupId(), m.profile(), m.status(), rules.conversionDue(m.profile().joinedOn()),
                m.contact() == null ? Contact.NONE : m.contact(), calendar.now());
        member.linkAccount(m.accountSubject());
        return member;
    }

    /** Stores a member that {@link #prepare} accepted, with its admitted event. */
    public Member admitPrepared(Member member) {
        member.raise(event(MemberEvents.ADMITTED, member, MemberEvents.MemberData.of(member)));
        try {
            return store.insert(member);
        } finally {
            rosterChanges.raise(member.department(), List.of(member.branchId()));
        }
    }

    public LocalDate today() {
        return calendar.today();
    }

    public Member get(String id) {
        return branchScope.requireVisible(store.getById(id, Member.class, ENTITY));
    }

    public Page<Member> search(MemberFilter filter, Pageable pageable) {
        return store.page(criteria(filter), pageable, Member.class);
    }

    /** Every member matching the filter, for the export. */
    public List<Member> all(MemberFilter filter, Sort sort) {
        return store.find(criteria(filter), sort, Member.class);
    }

    private Criteria criteria(MemberFilter f) {
        List<Criteria> all = new ArrayList<>();
        if (f.department() != null) {
            all.add(Criteria.where("department").is(f.department()));
        }
        branchScope.restriction("branchId").ifPresent(all::add);
        if (f.branchId() != null) {
            all.add(Criteria.where("branchId").is(f.branchId()));
        }
        if (f.status() != null) {
            all.add(Criteria.where("status").is(f.status()));
        }
        if (f.name() != null && !f.name().isBlank()) {
            all.add(Criteria.where("name").regex("^" + Pattern.quote(f.name().strip())));
        }
        if (f.joinedFrom() != null || f.joinedTo() != null) {
            Criteria joined = Criteria.where("joinedOn");
            if (f.joinedFrom() != null) {
                joined = joined.gte(f.joinedFrom());
            }
            if (f.joinedTo() != null) {
                joined = joined.lte(f.joinedTo());
            }
            all.add(joined);
        }
        return all.isEmpty() ? new Criteria() : new Criteria().andOperator(all);
    }

    /** 应转正: probationary members whose conversion is due within {@code days} (or overdue). */
    public List<Member> conversionsDue(String department, int days) {
        Criteria c = Criteria.where("status").is(MemberStatus.PROBATIONARY)
                .and("probationEndsOn").lte(calendar.today().plusDays(days));
        return scopedList(department, c, Sort.by("probationEndsOn", "name"));
    }

    /** 政治生日: members on the roll who joined the Party in this calendar month (of any year). */
    public List<Member> politicalBirthdays(String department, int month) {
        Criteria c = Criteria.where("joinedMonth").is(month)
                .and("status").in(MemberStatus.ON_ROLL);
        return scopedList(department, c, Sort.by("joinedOn", "name"));
    }

    private List<Member> scopedList(String department, Criteria c, Sort sort) {
        if (department != null) {
            c = c.and("department").is(department);
        }
        var branches = branchScope.restrictedBranches();
        if (branches.isPresent()) {
            c = c.and("branchId").in(branches.get());
        }
        return store.find(c, sort, Member.class);
    }

    public Member change(String id, MemberProfile profile, Contact contact, String partyGroupId) {
        Member member = store.getById(id, Member.class, ENTITY);
        requireValid(profile);
        requireGroup(partyGroupId, member.branchId());
        requireUniqueNationalId(member.department(), profile.nationalId(), id);
        MemberEvents.MemberData before = MemberEvents.MemberData.of(member);
        member.change(profile);
        member.changeContact(contact == null ? Contact.NONE : contact);
        member.placeIn(member.department(), member.branchId(), partyGroupId);
        return saveChanged(member, before);
    }

    /** A member changes its own contact fields, nothing else. */
    public Member changeOwnContact(Contact contact) {
        Member member = branchScope.requireSelf();
        member.changeContact(contact);
        return store.save(member);
    }

    public Member linkAccount(String id, String subject) {
        Member member = store.getById(id, Member.class, ENTITY);
        if (!Objects.equals(subject, member.accountSubject())) {
            requireLinkable(member.department(), subject);
        }
        MemberEvents.MemberData before = MemberEvents.MemberData.of(member);
        member.linkAccount(subject);
        return saveChanged(member, before);
    }

    public Member changeStatus(String id, MemberStatus next) {
        Member member = store.getById(id, Member.class, ENTITY);
        rules.requireStatusChange(member, next, calendar.today());
        if (member.pendingTransferId() != null && !next.onRoll()) {
            throw Problems.conflict("member.transferPending", member.name());
        }
        MemberStatus previous = member.status();
        member.changeStatus(next);
        member.raise(event(MemberEvents.STATUS_CHANGED, member,
                new MemberEvents.StatusChangedData(MemberEvents.MemberData.of(member), previous.name())));
        try {
            return store.save(member);
        } finally {
            rosterChanges.raise(member.department(), List.of(member.branchId()));
        }
    }

    public Member extendProbation(String id, int months) {
        Member member = store.getById(id, Member.class, ENTITY);
        if (member.status() != MemberStatus.PROBATIONARY) {
            throw Problems.rule("months", "member.notProbationary", member.name());
        }
        member.extendProbation(rules.extendedConversion(member.probationEndsOn(), months, member.probationExtended()));
        return store.save(member);
    }

    /** The full national ID, for a department admin; every read is recorded (who, when, which request). */
    public String readNationalId(String id) {
        Member member = store.getById(id, Member.class, ENTITY);
        Caller caller = CurrentCaller.get();
        store.insert(new NationalIdRead(UUID.randomUUID().toString(), member.department(), member.id(),
                caller.subject(), caller.username(), calendar.now(), RequestId.current().orElse(null)));
        return member.nationalId();
    }

    public List<NationalIdRead> nationalIdReads(String id) {
        Member member = store.getById(id, Member.class, ENTITY);
        return store.find(Criteria.where("memberId").is(member.id()), Sort.by(Sort.Direction.DESC, "readAt"),
                NationalIdRead.class);
    }

    private Member saveChanged(Member member, MemberEvents.MemberData before) {
        MemberEvents.MemberData after = MemberEvents.MemberData.of(member);
        if (!after.equals(before)) {
            member.raise(event(MemberEvents.CHANGED, member, after));
        }
        return store.save(member);
    }

    private void requireValid(MemberProfile profile) {
        List<Violation> wrong = rules.check(profile, calendar.today());
        if (!wrong.isEmpty()) {
            throw Problems.invalid(wrong.stream()
                    .map(v -> new Violation("profile." + v.field(), v.code(), v.args())).toList());
        }
    }

    private Organization branch(String branchId) {
        Organization branch = organizations.active(branchId);
        if (branch.type() != OrganizationType.BRANCH) {
            throw Problems.rule("branchId", "member.notABranch", branch.name());
        }
        return branch;
    }

    private void requireGroup(String partyGroupId, String branchId) {
        if (partyGroupId == null) {
            return;
        }
        Organization group = organizations.active(partyGroupId);
        if (group.type() != OrganizationType.PARTY_GROUP || !branchId.equals(group.parentId())) {
            throw Problems.rule("partyGroupId", "member.groupNotInBranch", group.name());
        }
    }

    private void requireUniqueNationalId(String department, String nationalId, String exceptMemberId) {
        Criteria same = Criteria.where("department").is(department).and("nationalId").is(nationalId);
        if (exceptMemberId != null) {
            same = same.and("_id").ne(exceptMemberId);
        }
        if (store.exists(same, Member.class)) {
            throw Problems.rule("profile.nationalId", "member.nationalIdTaken");
        }
    }

    /**
     * A member is linked only to an account of its own department (as Keycloak records it; the platform's own jobs,
     * like the demo seeder, are trusted), so the "already linked" check needs to look only there and tells nothing
     * about other departments. The unique index on the subject still holds platform-wide.
     */
    private void requireLinkable(String department, String subject) {
        if (!CurrentCaller.get().isSystem() && !accounts.departmentOf(subject).filter(department::equals).isPresent()) {
            throw Problems.rule("accountSubject", "member.accountDepartment");
        }
        if (store.exists(Criteria.where("accountSubject").is(subject), Member.class)) {
            throw Problems.rule("accountSubject", "member.accountTaken");
        }
    }

    private cn.city.party.common.outbox.PendingEvent event(EventType type, Member member, Object data) {
        return events.create(type, member.id(), member.department(), data);
    }
}
