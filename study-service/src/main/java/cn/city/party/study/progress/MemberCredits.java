package cn.city.party.study.progress;

import cn.city.party.common.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The credits of a member's year as last published when something besides a completion changed them (an
 * assignment, the roster, an offline sitting): a recomputation publishes {@code credits.updated} only when they moved.
 */
@Document("member_credits")
class MemberCredits extends AggregateRoot {

    @Id
    private String id;
    private String department;
    private ProgressEvents.CreditsData figures;
    @Version
    private Long version;

    protected MemberCredits() {
    }

    MemberCredits(String memberId, int year, String department) {
        this.id = memberId + ":" + year;
        this.department = department;
    }

    static String idOf(String memberId, int year) {
        return memberId + ":" + year;
    }

    /** Takes the new figures; false when they are the ones already published. */
    boolean update(ProgressEvents.CreditsData next) {
        if (next.equals(figures)) {
            return false;
        }
        figures = next;
        department = next.department();
        return true;
    }

    @Override
    public String department() { return department; }
}
