package cn.city.party.org.scorecard;

import cn.city.party.common.tenancy.DepartmentOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One fact behind the scorecards, read from another module's (or this service's own) events and keyed by what it is
 * about (a period of a branch, a sanction, a member's year…), so that a replay writes the same document again and a
 * newer event replaces an older one, never the other way round. Exactly one of the fact fields is set.
 */
@Document("scorecard_facts")
@CompoundIndex(name = "branch_year", def = "{'branchId': 1, 'year': 1}")
@CompoundIndex(name = "department_year", def = "{'department': 1, 'year': 1}")
class ScorecardFact implements DepartmentOwned {

    enum Kind { COMPLIANCE, ACTIVITY, CREDITS, COMPLETION, SANCTION, ACCOUNTABILITY, TERM, ARREARS, CORRECTION }

    @Id
    private String id;
    private Kind kind;
    private String department;
    private String branchId;
    /** the assessment year; null for committee terms, which count in every year they cover */
    private Integer year;
    /** time of the event that wrote the fact and its id (tie-break), to keep the latest */
    private Instant at;
    private String eventId;
    /** set by a revocation, which may arrive before the sanction itself */
    private LocalDate revokedOn;

    private BranchFacts.Compliance compliance;
    private BranchFacts.Activity activity;
    private BranchFacts.Credits credits;
    private BranchFacts.Completion completion;
    private BranchFacts.Sanction sanction;
    private BranchFacts.Accountability accountability;
    private BranchFacts.Term term;
    private BranchFacts.Arrears arrears;
    private BranchFacts.Correction correction;

    protected ScorecardFact() {
    }

    @Override
    public String department() { return department; }
    String id() { return id; }
    Kind kind() { return kind; }
    String branchId() { return branchId; }
    Integer year() { return year; }
    Instant at() { return at; }
    String eventId() { return eventId; }
    BranchFacts.Term term() { return term; }

    /** Sorts the facts of one branch into what the calculator reads. */
    static BranchFacts collect(Iterable<ScorecardFact> facts) {
        var compliance = new java.util.ArrayList<BranchFacts.Compliance>();
        var activities = new java.util.ArrayList<BranchFacts.Activity>();
        var credits = new java.util.ArrayList<BranchFacts.Credits>();
        var completions = new java.util.ArrayList<BranchFacts.Completion>();
        var sanctions = new java.util.ArrayList<BranchFacts.Sanction>();
        var accountabilities = new java.util.ArrayList<BranchFacts.Accountability>();
        var terms = new java.util.ArrayList<BranchFacts.Term>();
        var arrears = new java.util.ArrayList<BranchFacts.Arrears>();
        var corrections = new java.util.ArrayList<BranchFacts.Correction>();
        for (ScorecardFact f : facts) {
            switch (f.kind) {
                case COMPLIANCE -> compliance.add(f.compliance);
                case ACTIVITY -> activities.add(f.activity);
                case CREDITS -> credits.add(f.credits);
                case COMPLETION -> completions.add(f.completion);
                case SANCTION -> sanctions.add(new BranchFacts.Sanction(f.sanction.sanctionId(), f.sanction.memberId(),
                        f.sanction.type(), f.sanction.form(), f.sanction.decidedOn(), f.revokedOn));
                case ACCOUNTABILITY -> accountabilities.add(f.accountability);
                case TERM -> terms.add(f.term);
                case ARREARS -> arrears.add(f.arrears);
                case CORRECTION -> corrections.add(f.correction);
            }
        }
        return new BranchFacts(compliance, activities, credits, completions, sanctions, accountabilities, terms, arrears,
                corrections);
    }
}
