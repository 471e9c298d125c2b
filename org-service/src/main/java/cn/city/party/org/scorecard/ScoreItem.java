package cn.city.party.org.scorecard;

/** The lines of a branch scorecard, with their Chinese names for exports. */
public enum ScoreItem {
    COMPLIANCE("组织生活落实"),
    QUALITY("组织生活质量"),
    STUDY("学习教育"),
    TERM_ON_TIME("按期换届"),
    COMMITTEE_COMPLETE("班子健全"),
    DUES("党费收缴"),
    SANCTIONS("党纪处分扣分"),
    ACCOUNTABILITY("问责扣分"),
    LATE_ENTRY("补录扣分");

    private final String label;

    ScoreItem(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
