package cn.city.party.activity.roster;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.List;

/**
 * This service's copy of a Party member, kept from {@code party.org.member.*} events. Only what organizational life
 * needs: no birth date, no national ID.
 *
 * @param since the day the member's current branch and status took effect (Shanghai date of the event that set
 *              them); null when they are as the first event known here said
 */
@Document("roster_members")
public record RosterMember(@Id String memberId, String department, @Indexed String branchId, String partyGroupId,
                           String name, String status, boolean leadingCadre, @Indexed String accountSubject,
                           LocalDate since) {

    /** Probationary and full members take part in organizational life; transferred-out, suspended, deceased do not. */
    public static final List<String> ACTIVE_STATUSES = List.of("PROBATIONARY", "FULL");

    public boolean active() {
        return active(status);
    }

    public static boolean active(String status) {
        return ACTIVE_STATUSES.contains(status);
    }
}
