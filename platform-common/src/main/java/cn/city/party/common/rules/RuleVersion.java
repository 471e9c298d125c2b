package cn.city.party.common.rules;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One published version of a kind of rules for a year. Versions are never changed; the first holds the defaults of
 * the service's configuration, recorded on first use. The id {@code <kind>:<year>:v<n>} (a department's own:
 * {@code <kind>:<owner>:<year>:v<n>}) makes two publications racing for the same number collide.
 *
 * @param owner        null for the city's rules; a department's code for its own version of a kind that departments
 *                     may make stricter (the compliance rules), numbered separately from 1 and without defaults
 * @param inForceSince from when this version applies (a period evaluated before keeps the version it was evaluated with)
 * @param publishedAt  when it was published (null for versions recorded before this was kept)
 * @param author       who published it ({@code system} for the defaults)
 * @param reason       why (shown in the history)
 * @param values       the rules themselves, of the kind's type
 */
@Document("rule_versions")
public record RuleVersion(@Id String id, String kind, String owner, int year, int version, Instant inForceSince,
                          Instant publishedAt, String author, String reason, Object values) {

    public static String idOf(String kind, String owner, int year, int version) {
        return kind + (owner == null ? "" : ":" + owner) + ":" + year + ":v" + version;
    }

    /**
     * The version in force at {@code at} among a year's versions (ascending): the highest whose in-force time has
     * come, else the first, which stands until a later one takes over.
     */
    public static RuleVersion inForceAt(List<RuleVersion> ascending, Instant at) {
        RuleVersion inForce = ascending.get(0);
        for (RuleVersion v : ascending) {
            if (!v.inForceSince().isAfter(at)) {
                inForce = v;
            }
        }
        return inForce;
    }
}
