package cn.city.party.common.rules;

import cn.city.party.common.error.DomainProblem;

import java.util.List;
import java.util.function.Function;

/**
 * One kind of versioned rules of a year (e.g. the dues brackets): its name in the API ({@code /rules/<name>}), the
 * type of its values, the safe defaults from the service's configuration that become the first version of every
 * year, and the check a new version must pass (field names relative to the values, e.g. {@code employed[1].upTo}).
 *
 * @param defaultsVersion the number of the defaults' version: 1, or 0 for the kinds whose published versions were
 *                        numbered from 1 before they joined the rule book (compliance and scoring rules), so that a
 *                        version keeps its number on every screen
 */
public record RuleKind<T>(String name, Class<T> type, T defaults, Function<T, List<DomainProblem.Violation>> check,
                          int defaultsVersion) {

    public RuleKind(String name, Class<T> type, T defaults, Function<T, List<DomainProblem.Violation>> check) {
        this(name, type, defaults, check, 1);
    }

    public List<DomainProblem.Violation> violations(Object values) {
        return check.apply(type.cast(values));
    }
}
