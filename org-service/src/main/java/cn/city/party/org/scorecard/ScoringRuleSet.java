package cn.city.party.org.scorecard;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The work committee's rules of one year, the current version and every earlier one (city-wide, no department). */
@Document("scorecard_rules")
class ScoringRuleSet {

    /** A version as it was set, and by whom. */
    record Setting(ScoringRules rules, Instant setAt, String setBy) {
    }

    @Id
    private int year;
    private List<Setting> versions = new ArrayList<>();
    @Version
    private Long revision;

    protected ScoringRuleSet() {
    }

    ScoringRuleSet(int year) {
        this.year = year;
    }

    ScoringRules current() {
        return versions.isEmpty() ? ScoringRules.cityDefault(year) : versions.get(versions.size() - 1).rules();
    }

    ScoringRules set(ScoringRules rules, Instant now, String by) {
        ScoringRules next = rules.asVersion(year, current().version() + 1);
        versions.add(new Setting(next, now, by));
        return next;
    }

    List<Setting> versions() {
        return List.copyOf(versions);
    }
}
