package cn.city.party.discipline;

import cn.city.party.discipline.sanction.SanctionType;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;
import java.util.Map;

/**
 * The defaults of domain.md §4 that the work committee may change: none of these numbers is a constant in code.
 *
 * @param inquiryReplyWorkingDays     谈话函询: the written reply is due within this many working days
 * @param influenceMonths             影响期 per sanction type (PROBATION comes from the decision instead)
 * @param probationMonths             the lengths a 留党察看 decision may have
 * @param rectificationEscalationDays an overdue rectification item escalates to the work committee after this many days
 * @param riskReviewMonths            a risk point is re-assessed at least this often
 */
@ConfigurationProperties("discipline.rules")
public record DisciplineRules(int inquiryReplyWorkingDays, Map<SanctionType, Integer> influenceMonths,
                              List<Integer> probationMonths, int rectificationEscalationDays, int riskReviewMonths) {

    public DisciplineRules {
        influenceMonths = Map.copyOf(influenceMonths);
        probationMonths = List.copyOf(probationMonths);
        if (inquiryReplyWorkingDays <= 0 || riskReviewMonths <= 0 || rectificationEscalationDays < 0) {
            throw new IllegalArgumentException("discipline.rules: day and month counts must be positive");
        }
    }
}
