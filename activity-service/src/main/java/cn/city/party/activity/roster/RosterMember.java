package cn.city.party.activity.roster;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * This service's copy of a Party member, kept from {@code party.org.member.*} events. Only what organizational life
 * needs: no birth date, no national ID.
 */
@Document("roster_members")
public record RosterMember(@Id String memberId, String department, @Indexed String branchId, String partyGroupId,
                           String name, String status, boolean leadingCadre, @Indexed String accountSubject) {

    /** Probationary and full members take part in organizational life; transferred-out, suspended, deceased do not. */
    public boolean active() {
        return "FULL".equals(status) || "PROBATIONARY".equals(status);
    }
}
