package cn.city.party.org.member;

import cn.city.party.org.OrgRules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A member's dues: the history of declared income bases and the payments, kept on the member document so they move
 * with it on a transfer and change in the same atomic write as the arrears flag and its event. Months are stored as
 * their first day; money in fen.
 */
public class DuesLedger {

    /** 拖欠党费: none, warning at 3 unpaid months, review for 自行脱党 at 6 unpaid months without reason. */
    public enum ArrearsLevel { NONE, WARNING, LAPSE_REVIEW }

    /** A declared base, effective from a month until the next declaration. */
    public record IncomeBase(LocalDate effectiveFrom, DuesCategory category, long incomeFen, long monthlyFen,
                             Instant declaredAt, String declaredBy) {
    }

    /** One month paid; {@code byCadre} when a cadre recorded it on the member's behalf. */
    public record Payment(LocalDate month, long amountFen, Instant paidAt, String recordedBy, boolean byCadre) {
    }

    private List<IncomeBase> bases = new ArrayList<>();
    private List<Payment> payments = new ArrayList<>();
    private ArrearsLevel arrearsLevel = ArrearsLevel.NONE;
    /** A reason for not paying (e.g. long illness) that keeps six months of arrears from a lapse review. */
    private String arrearsReason;

    public void declare(IncomeBase base) {
        bases.removeIf(b -> b.effectiveFrom().equals(base.effectiveFrom()));
        bases.add(base);
        bases.sort(Comparator.comparing(IncomeBase::effectiveFrom));
    }

    /** Takes back the base declared from {@code effectiveFrom} (an import that could not finish). */
    public void withdraw(LocalDate effectiveFrom) {
        bases.removeIf(b -> b.effectiveFrom().equals(effectiveFrom));
    }

    /** The base in force in {@code month}, if any was declared by then. */
    public Optional<IncomeBase> baseFor(YearMonth month) {
        LocalDate first = month.atDay(1);
        return bases.stream().filter(b -> !b.effectiveFrom().isAfter(first)).reduce((a, b) -> b);
    }

    public Optional<Payment> paymentFor(YearMonth month) {
        LocalDate first = month.atDay(1);
        return payments.stream().filter(p -> p.month().equals(first)).findFirst();
    }

    public void pay(Payment payment) {
        payments.add(payment);
        payments.sort(Comparator.comparing(Payment::month));
    }

    /**
     * Months in a row, up to and including {@code lastDueMonth}, with an amount due and no payment: the count that
     * the 3- and 6-month rules look at.
     */
    public int unpaidMonths(YearMonth lastDueMonth) {
        int unpaid = 0;
        for (YearMonth m = lastDueMonth; baseFor(m).isPresent(); m = m.minusMonths(1)) {
            if (paymentFor(m).isPresent()) {
                break;
            }
            unpaid++;
        }
        return unpaid;
    }

    /** By default 3 unpaid months warn; 6 without a reason call for review (the thresholds of the rules in force). */
    public static ArrearsLevel level(int unpaidMonths, boolean hasReason, OrgRules.Arrears thresholds) {
        if (unpaidMonths >= thresholds.lapseReviewMonths() && !hasReason) {
            return ArrearsLevel.LAPSE_REVIEW;
        }
        return unpaidMonths >= thresholds.warningMonths() ? ArrearsLevel.WARNING : ArrearsLevel.NONE;
    }

    /** Sets the level; true when it rose (a flag to announce). */
    public boolean flag(ArrearsLevel level) {
        boolean rose = level.compareTo(arrearsLevel) > 0;
        arrearsLevel = level;
        return rose;
    }

    public void explainArrears(String reason) {
        this.arrearsReason = reason;
    }

    public List<IncomeBase> bases() { return List.copyOf(bases); }
    public List<Payment> payments() { return List.copyOf(payments); }
    public ArrearsLevel arrearsLevel() { return arrearsLevel; }
    public String arrearsReason() { return arrearsReason; }
}
