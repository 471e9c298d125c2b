package cn.city.party.org.organization;

import java.util.Set;

/**
 * The levels of the tree 机关党委 → 党总支 → 党支部 → 党小组, and which level may sit under which.
 */
public enum OrganizationType {
    /** 机关党委: the department's organ Party committee; terms of 5 years. */
    ORGAN_COMMITTEE("机关党委", 5),
    /** 党总支: general branch; terms of 3 years. */
    GENERAL_BRANCH("党总支", 3),
    /** 党支部: branch; terms of 3 years. */
    BRANCH("党支部", 3),
    /** 党小组: Party group inside a branch; no committee of its own. */
    PARTY_GROUP("党小组", 0);

    private final String label;
    private final int termYears;

    OrganizationType(String label, int termYears) {
        this.label = label;
        this.termYears = termYears;
    }

    public String label() { return label; }
    public int termYears() { return termYears; }

    /** Which types may be created directly under this one. */
    public Set<OrganizationType> children() {
        return switch (this) {
            case ORGAN_COMMITTEE -> Set.of(GENERAL_BRANCH, BRANCH);
            case GENERAL_BRANCH -> Set.of(BRANCH);
            case BRANCH -> Set.of(PARTY_GROUP);
            case PARTY_GROUP -> Set.of();
        };
    }

    public boolean mayContain(OrganizationType child) {
        return children().contains(child);
    }

    /** A Party group always belongs to a branch; the other levels may stand at the top of a department's tree. */
    public boolean mayBeRoot() {
        return this != PARTY_GROUP;
    }
}
