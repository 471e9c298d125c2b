package cn.city.party.org.member;

/** 党务干部: none, full-time (专职, counted against the 2% target) or part-time (兼职). */
public enum PartyAffairsCadre {
    NONE("无"), FULL_TIME("专职"), PART_TIME("兼职");

    private final String label;

    PartyAffairsCadre(String label) {
        this.label = label;
    }

    public String label() { return label; }

    public static java.util.Optional<PartyAffairsCadre> ofLabel(String label) {
        for (PartyAffairsCadre c : values()) {
            if (c.label.equals(label)) {
                return java.util.Optional.of(c);
            }
        }
        return java.util.Optional.empty();
    }
}
