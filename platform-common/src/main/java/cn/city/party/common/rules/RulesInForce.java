package cn.city.party.common.rules;

/** What the consumers of a rule ask: the values of a kind in force now for a year (a period's year). */
public interface RulesInForce {

    <T> T of(RuleKind<T> kind, int year);

    /** Every kind's defaults, for plain unit tests of the rules' consumers. */
    RulesInForce DEFAULTS = new RulesInForce() {
        @Override
        public <T> T of(RuleKind<T> kind, int year) {
            return kind.defaults();
        }
    };
}
