package cn.city.party.org.committee;

import cn.city.party.common.error.Problems;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.org.member.Member;
import cn.city.party.org.member.MemberRoster;
import cn.city.party.org.member.MemberStatus;
import cn.city.party.org.organization.Organization;
import cn.city.party.org.organization.OrganizationService;
import cn.city.party.org.organization.OrganizationType;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

@Service
public class CommitteeService {

    private final ScopedMongo store;
    private final OrganizationService organizations;
    private final MemberRoster roster;
    private final CommitteeRules rules;
    private final EventFactory events;
    private final PlatformCalendar calendar;

    public CommitteeService(ScopedMongo store, OrganizationService organizations, MemberRoster roster,
                            CommitteeRules rules, EventFactory events, PlatformCalendar calendar) {
        this.store = store;
        this.organizations = organizations;
        this.roster = roster;
        this.rules = rules;
        this.events = events;
        this.calendar = calendar;
    }

    public record Nomination(CommitteePost post, String memberId) {
    }

    /** The committee of an organization the caller may read; empty when none was ever elected. */
    public Optional<Committee> find(String organizationId) {
        organizations.readable(organizationId);
        return store.findById(organizationId, Committee.class);
    }

    /**
     * Records the election of a new term. Every holder must be a full member of the organization's branches, not
     * inside a discipline influence period; the line-up must fit the organization's size.
     */
    public Committee elect(String organizationId, LocalDate termStart, List<Nomination> nominations) {
        Organization organization = organizations.active(organizationId);
        LocalDate today = calendar.today();
        LocalDate termEnd = rules.termEnd(organization.type(), termStart);
        if (termStart.isAfter(today)) {
            throw Problems.rule("termStart", "committee.termStartInFuture");
        }
        Committee committee = store.findById(organizationId, Committee.class)
                .orElseGet(() -> new Committee(organizationId, organization.department()));
        if (committee.current() != null && !termStart.isAfter(committee.current().termStart())) {
            throw Problems.rule("termStart", "committee.termStartBeforeCurrent", committee.current().termStart());
        }
        Set<String> branches = branchesOf(organizationId);
        List<Term.Seat> seats = new ArrayList<>();
        for (int i = 0; i < nominations.size(); i++) {
            seats.add(seat(nominations.get(i), branches, today, "posts[" + i + "].memberId"));
        }
        rules.requireLineUp(nominations.stream().map(Nomination::post).toList(),
                nominations.stream().map(Nomination::memberId).toList(), roster.fullMembersIn(branches));
        committee.elect(new Term(termStart, termEnd, seats, calendar.now()));
        committee.raise(events.create(CommitteeEvents.ELECTED, organizationId, committee.department(),
                CommitteeEvents.ElectedData.of(committee)));
        return store.save(committee);
    }

    /** 换届提醒: current terms ending within the reminder period, and overdue ones, earliest end first. */
    public List<Committee> termsDue(String department) {
        Criteria c = Criteria.where("current.termEnd").lte(rules.reminderHorizon(calendar.today()));
        if (department != null) {
            c = c.and("department").is(department);
        }
        return store.find(c, Sort.by("current.termEnd"), Committee.class);
    }

    /** 补选提醒: committees with posts vacated by 撤销党内职务 awaiting a by-election, longest vacant first. */
    public List<Committee> byElectionsDue(String department) {
        Criteria c = Criteria.where("vacancies.sanctionId").ne(null);
        if (department != null) {
            c = c.and("department").is(department);
        }
        return store.find(c, Sort.by("organizationId"), Committee.class);
    }

    public CommitteeRules.TermState state(Term term) {
        return rules.state(term.termEnd(), calendar.today());
    }

    private Term.Seat seat(Nomination n, Set<String> branches, LocalDate today, String field) {
        Member member = store.findById(n.memberId(), Member.class)
                .filter(m -> branches.contains(m.branchId()))
                .orElseThrow(() -> Problems.rule(field, "committee.notAMemberHere", n.memberId()));
        if (member.status() != MemberStatus.FULL) {
            throw Problems.rule(field, "committee.notFullMember", member.name());
        }
        if (member.inInfluencePeriod(today)) {
            throw Problems.rule(field, "committee.inInfluencePeriod", member.name());
        }
        return new Term.Seat(n.post(), member.id(), member.name());
    }

    private Set<String> branchesOf(String organizationId) {
        Set<String> branches = new java.util.HashSet<>();
        organizations.subtree(organizationId).stream().filter(o -> o.type() == OrganizationType.BRANCH)
                .forEach(o -> branches.add(o.id()));
        return branches;
    }
}
