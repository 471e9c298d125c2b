package cn.city.party.org.committee;

import cn.city.party.common.error.Problems;
import cn.city.party.common.rules.RuleKind;
import cn.city.party.common.rules.RulesInForce;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.org.OrgRules;
import cn.city.party.org.organization.OrganizationType;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The structural rules of §1: a branch with at least 7 full members elects a committee of 3 to 7; with fewer it has
 * only a secretary and maybe a deputy; always exactly one secretary. Terms last 3 years (branch, general branch) or
 * 5 years (organ committee); a reminder is due 90 days before the end. These are the defaults: the numbers are those
 * of the committee rules in force (docs/rules.md), of the year a term starts for its length, of today's year for the
 * reminder and the line-up.
 */
@Component
public class CommitteeRules {

    /** Where a term stands on a given day. */
    public enum TermState { CURRENT, ENDING_SOON, OVERDUE }

    private final RulesInForce inForce;
    private final RuleKind<OrgRules.Committee> kind;
    private final PlatformCalendar calendar;

    public CommitteeRules(RulesInForce inForce, RuleKind<OrgRules.Committee> kind, PlatformCalendar calendar) {
        this.inForce = inForce;
        this.kind = kind;
        this.calendar = calendar;
    }

    public LocalDate termEnd(OrganizationType type, LocalDate termStart) {
        int years = rules(termStart.getYear()).termYears(type);
        if (years == 0) {
            throw Problems.rule("organizationId", "committee.noCommitteeForType", type.label());
        }
        return termStart.plusYears(years);
    }

    public TermState state(LocalDate termEnd, LocalDate today) {
        if (today.isAfter(termEnd)) {
            return TermState.OVERDUE;
        }
        return reminderHorizon(today).isBefore(termEnd) ? TermState.CURRENT : TermState.ENDING_SOON;
    }

    /** The last day whose terms are listed as ending soon (or overdue). */
    public LocalDate reminderHorizon(LocalDate today) {
        return today.plusDays(rules(today.getYear()).reminderDays());
    }

    /**
     * The posts whose holders act for the branch as its secretary: 书记, 副书记, and 组织委员 where the committee rules
     * in force this year say so.
     */
    public Set<CommitteePost> servingPosts() {
        return rules(calendar.today().getYear()).organizationMemberServes()
                ? EnumSet.of(CommitteePost.SECRETARY, CommitteePost.DEPUTY_SECRETARY, CommitteePost.ORGANIZATION)
                : EnumSet.of(CommitteePost.SECRETARY, CommitteePost.DEPUTY_SECRETARY);
    }

    /** Refuses a line-up that breaks the rules, naming {@code posts}. */
    public void requireLineUp(List<CommitteePost> posts, List<String> memberIds, long fullMembers) {
        OrgRules.Committee rules = rules(calendar.today().getYear());
        if (new HashSet<>(memberIds).size() != memberIds.size()) {
            throw Problems.rule("posts", "committee.memberTwice");
        }
        Map<CommitteePost, Integer> counts = new EnumMap<>(CommitteePost.class);
        posts.forEach(p -> counts.merge(p, 1, Integer::sum));
        if (counts.getOrDefault(CommitteePost.SECRETARY, 0) != 1) {
            throw Problems.rule("posts", "committee.oneSecretary");
        }
        if (fullMembers >= rules.membersForCommittee()) {
            if (posts.size() < rules.minSize() || posts.size() > rules.maxSize()) {
                throw Problems.rule("posts", "committee.size", rules.minSize(), rules.maxSize());
            }
            Set<CommitteePost> single = Set.of(CommitteePost.ORGANIZATION, CommitteePost.PUBLICITY, CommitteePost.DISCIPLINE);
            if (single.stream().anyMatch(p -> counts.getOrDefault(p, 0) > 1)) {
                throw Problems.rule("posts", "committee.postTwice");
            }
        } else if (posts.size() > 2 || counts.getOrDefault(CommitteePost.DEPUTY_SECRETARY, 0) + 1 != posts.size()) {
            throw Problems.rule("posts", "committee.tooFewMembers", rules.membersForCommittee(), fullMembers);
        }
    }

    private OrgRules.Committee rules(int year) {
        return inForce.of(kind, year);
    }
}
