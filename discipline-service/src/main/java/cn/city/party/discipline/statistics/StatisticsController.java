package cn.city.party.discipline.statistics;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.For;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.discipline.lead.Lead;
import cn.city.party.discipline.sanction.Sanction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/**
 * 四种形态统计: aggregate counts per department and period. Inspectors (in their scope) and the work committee
 * (every department) see counts; nobody sees content here. Department admins, secretaries and members are refused:
 * in a small department a count by form could point at a person.
 */
@RestController
@RequestMapping("/api/discipline/statistics")
@Tag(name = "统计 Statistics")
public class StatisticsController {

    private final ScopedMongo store;

    public StatisticsController(ScopedMongo store) {
        this.store = store;
    }

    @GetMapping("/forms")
    @For.WorkCommitteeOrInspector
    @Operation(summary = "四种形态统计 Counts by form, source and outcome per department for a period")
    public FormStatistics.Report forms(@RequestParam LocalDate from, @RequestParam LocalDate to,
                                       @RequestParam(required = false) String department) {
        if (from.isAfter(to)) {
            throw Problems.invalid("from", "period.invalid");
        }
        Criteria inPeriod = new Criteria().orOperator(
                Criteria.where("receivedOn").gte(from).lte(to),
                Criteria.where("decidedOn").gte(from).lte(to));
        Criteria criteria = department == null ? inPeriod
                : new Criteria().andOperator(Criteria.where("department").is(department), inPeriod);
        List<Lead> leads = store.find(criteria, Lead.class);
        Criteria decidedInPeriod = Criteria.where("decidedOn").gte(from).lte(to);
        List<Sanction> sanctions = store.find(department == null ? decidedInPeriod
                : new Criteria().andOperator(Criteria.where("department").is(department), decidedInPeriod), Sanction.class);
        return FormStatistics.of(leads, sanctions, from, to);
    }
}
