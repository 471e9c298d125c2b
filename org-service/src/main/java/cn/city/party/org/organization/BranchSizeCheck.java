package cn.city.party.org.organization;

import cn.city.party.org.OrgRules;

import java.util.ArrayList;
import java.util.List;

/**
 * 支部规模: a 党支部 needs at least three full members; one that has grown past 50 members should become a 党总支,
 * past 100 a 基层党委 (the limits are rule-set parameters). Members are the probationary and full members.
 */
public final class BranchSizeCheck {

    public enum Flag {
        TOO_FEW_FULL_MEMBERS("正式党员不足"),
        LARGE_ENOUGH_FOR_GENERAL_BRANCH("党员人数超过总支标准"),
        LARGE_ENOUGH_FOR_COMMITTEE("党员人数超过党委标准");

        private final String label;

        Flag(String label) {
            this.label = label;
        }

        public String label() { return label; }
    }

    /** A branch's counts and what they break. */
    public record Assessment(long fullMembers, long members, List<Flag> flags) {
        public Assessment {
            flags = List.copyOf(flags);
        }
    }

    private BranchSizeCheck() {
    }

    public static Assessment of(OrgRules.BranchSize rules, long fullMembers, long members) {
        List<Flag> flags = new ArrayList<>();
        if (fullMembers < rules.minFullMembers()) {
            flags.add(Flag.TOO_FEW_FULL_MEMBERS);
        }
        if (members > rules.committeeAbove()) {
            flags.add(Flag.LARGE_ENOUGH_FOR_COMMITTEE);
        } else if (members > rules.generalBranchAbove()) {
            flags.add(Flag.LARGE_ENOUGH_FOR_GENERAL_BRANCH);
        }
        return new Assessment(fullMembers, members, flags);
    }
}
