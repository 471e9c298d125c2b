package cn.city.party.discipline.supervision;

import cn.city.party.common.tenancy.DepartmentOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One integrity talk (廉政谈话), follow-up visit (巡查回访) or issue of supervision cards (廉政监督卡), and whom it
 * covered: members for talks and cards, branches for visits.
 */
@Document("supervision_records")
@CompoundIndex(name = "department_kind_year", def = "{'department': 1, 'kind': 1, 'year': 1}")
public record SupervisionRecord(@Id String id, String department, Kind kind, LocalDate heldOn, int year,
                                List<String> coveredIds, String note, String recordedBy, Instant createdAt)
        implements DepartmentOwned {

    public enum Kind {
        /** 廉政谈话: every member at least once a year */
        INTEGRITY_TALK(Population.MEMBERS),
        /** 巡查回访: every branch at least once a year */
        FOLLOW_UP_VISIT(Population.BRANCHES),
        /** 廉政监督卡: every member holds one each year */
        SUPERVISION_CARD(Population.MEMBERS);

        private final Population population;

        Kind(Population population) {
            this.population = population;
        }

        public Population population() {
            return population;
        }
    }

    /** Against whom coverage is measured. */
    public enum Population { MEMBERS, BRANCHES }
}
