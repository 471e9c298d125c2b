package cn.city.party.org.member;

import java.util.List;
import java.util.Set;

/** 党员状态 and which change of status the rules allow. */
public enum MemberStatus {
    /** 预备党员: one year of probation, then conversion (转正) on the anniversary. */
    PROBATIONARY("预备党员"),
    /** 正式党员 */
    FULL("正式党员"),
    /** 已转出: the membership relation left the city organs. */
    TRANSFERRED_OUT("已转出"),
    /** 停止党籍 */
    SUSPENDED("停止党籍"),
    /** 已去世 */
    DECEASED("已去世"),
    /** 开除党籍: only from discipline-service's sanction, undone only by its revocation (never by hand). */
    EXPELLED("开除党籍");

    /** 在册且正常的党员: they take part in organizational life, pay dues, have an account and get reminders. */
    public static final List<MemberStatus> ACTIVE = List.of(PROBATIONARY, FULL);
    /** Still on a branch's roll: the active members and the suspended ones. */
    public static final List<MemberStatus> ON_ROLL = List.of(PROBATIONARY, FULL, SUSPENDED);

    private final String label;

    MemberStatus(String label) {
        this.label = label;
    }

    public String label() { return label; }

    public boolean active() {
        return ACTIVE.contains(this);
    }

    /** Still on a branch's roll: counted in the branch, may not leave it without a transfer. */
    public boolean onRoll() {
        return ON_ROLL.contains(this);
    }

    public boolean mayBecome(MemberStatus next) {
        return switch (this) {
            case PROBATIONARY -> Set.of(FULL, TRANSFERRED_OUT, DECEASED).contains(next);
            case FULL -> Set.of(SUSPENDED, TRANSFERRED_OUT, DECEASED).contains(next);
            case SUSPENDED -> Set.of(FULL, DECEASED).contains(next);
            case TRANSFERRED_OUT, DECEASED, EXPELLED -> false;
        };
    }

    /** Parses the Chinese label of a spreadsheet cell. */
    public static java.util.Optional<MemberStatus> ofLabel(String label) {
        for (MemberStatus s : values()) {
            if (s.label.equals(label) || s.label.replace("党员", "").equals(label)) {
                return java.util.Optional.of(s);
            }
        }
        return java.util.Optional.empty();
    }
}
