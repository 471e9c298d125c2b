package cn.city.party.activity.activity;

/**
 * Where the late-entry rule of a department's year comes from. Declared here and implemented by the compliance
 * feature, which keeps the rule sets, so that activities do not depend on compliance (compliance builds on them).
 */
public interface LateEntryRules {

    LateEntryRule lateEntryRule(String department, int year);
}
