package cn.city.party.org.member;

import cn.city.party.common.events.EventType;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** Events about members, on topic {@code party.org.member}: the roster every other service keeps. */
public final class MemberEvents {

    public static final String TOPIC = "party.org.member";
    /** 党员入册: admitted, imported or seeded. */
    public static final EventType ADMITTED = new EventType(TOPIC + ".admitted", 1, TOPIC);
    /** 党员信息变更 (any field of MemberData) */
    public static final EventType CHANGED = new EventType(TOPIC + ".changed", 1, TOPIC);
    /** 党员状态变更 (转正, 停止党籍 …) */
    public static final EventType STATUS_CHANGED = new EventType(TOPIC + ".status-changed", 1, TOPIC);
    /** 组织关系转接完成: the member now belongs to another branch, maybe of another department. */
    public static final EventType TRANSFERRED = new EventType(TOPIC + ".transferred", 1, TOPIC);

    private MemberEvents() {
    }

    /** MemberData of docs/events.md. No national ID, no contact data. */
    public record MemberData(String memberId, String department, String branchId, String partyGroupId, String name,
                             String gender, String birthDate, String joinedOn, String status, boolean leadingCadre,
                             String partyAffairsCadre, String accountSubject) {

        public static MemberData of(Member m) {
            return new MemberData(m.id(), m.department(), m.branchId(), m.partyGroupId(), m.name(), m.gender().name(),
                    m.birthDate().toString(), m.joinedOn().toString(), m.status().name(), m.leadingCadre(),
                    m.partyAffairsCadre().name(), m.accountSubject());
        }
    }

    public record StatusChangedData(@JsonUnwrapped MemberData member, String previousStatus) {
    }

    public record TransferredData(@JsonUnwrapped MemberData member, String fromDepartment, String fromBranchId) {
    }
}
