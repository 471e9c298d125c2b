package cn.city.party.activity.compliance;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One published version of the rules for a year: the city default ({@code owner = "city"}, edited by the work
 * committee) or a department's override ({@code owner} = department code). Versions are never changed: a new
 * publication is a new version, and the highest version of a year is in force.
 */
@Document("rule_sets")
@CompoundIndex(name = "owner_year_version", def = "{'owner': 1, 'year': 1, 'version': 1}", unique = true)
public record RuleSet(@Id String id, String owner, int year, int version, int lateEntryDays, int atRiskDays,
                      List<Rule> rules, String publishedBy, Instant publishedAt) {

    public static final String CITY = "city";

    public static String idOf(String owner, int year, int version) {
        return owner + ":" + year + ":v" + version;
    }
}
