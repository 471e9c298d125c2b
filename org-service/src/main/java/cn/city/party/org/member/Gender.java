package cn.city.party.org.member;

public enum Gender {
    MALE("男"), FEMALE("女");

    private final String label;

    Gender(String label) {
        this.label = label;
    }

    public String label() { return label; }

    public static java.util.Optional<Gender> ofLabel(String label) {
        for (Gender g : values()) {
            if (g.label.equals(label)) {
                return java.util.Optional.of(g);
            }
        }
        return java.util.Optional.empty();
    }
}
