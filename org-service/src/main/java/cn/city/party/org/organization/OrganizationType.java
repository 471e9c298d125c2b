package cn.city.party.org.organization;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The levels of the tree 机关党委 → 党总支 → 党支部 → 党小组, and which level may sit under which. The length of
 * their committees' terms is a versioned rule (OrgRules.Committee, docs/rules.md).
 */
public enum OrganizationType {
    /** 机关党委: the department's organ Party committee. */
    ORGAN_COMMITTEE("机关党委"),
    /** 党总支: general branch. */
    GENERAL_BRANCH("党总支"),
    /** 党支部: branch. */
    BRANCH("党支部"),
    /** 党小组: Party group inside a branch; no committee of its own. */
    PARTY_GROUP("党小组");

    private final String label;

    OrganizationType(String label) {
        this.label = label;
    }

    public String label() { return label; }

    /** The type a sheet names, by its Chinese label (党支部) or its name (BRANCH). */
    public static Optional<OrganizationType> parse(String text) {
        return Arrays.stream(values()).filter(t -> t.label.equals(text) || t.name().equals(text)).findFirst();
    }

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
