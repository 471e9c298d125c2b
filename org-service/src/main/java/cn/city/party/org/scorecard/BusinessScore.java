package cn.city.party.org.scorecard;

import cn.city.party.common.tenancy.DepartmentOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * 双百分考核: a department's business (业务) score of a year as the work committee recorded it, beside the
 * Party-building score the scorecards compute. One document per department and year; a new entry replaces it.
 */
@Document("scorecard_business_scores")
record BusinessScore(@Id String id, String department, int year, BigDecimal score, Instant setAt, String setBy)
        implements DepartmentOwned {

    static String id(int year, String department) {
        return year + ":" + department;
    }
}
