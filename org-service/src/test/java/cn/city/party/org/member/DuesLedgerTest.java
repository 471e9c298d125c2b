package cn.city.party.org.member;

import cn.city.party.org.OrgRules;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

class DuesLedgerTest {

    static DuesLedger.IncomeBase base(String from, long incomeFen, long monthlyFen) {
        return new DuesLedger.IncomeBase(YearMonth.parse(from).atDay(1), DuesCategory.EMPLOYED, incomeFen, monthlyFen,
                Instant.EPOCH, "admin");
    }

    static DuesLedger.Payment paid(String month, long fen) {
        return new DuesLedger.Payment(YearMonth.parse(month).atDay(1), fen, Instant.EPOCH, "admin", true);
    }

    @Test
    void the_base_in_force_is_the_latest_declared_on_or_before_the_month_and_history_is_kept() {
        DuesLedger ledger = new DuesLedger();
        ledger.declare(base("2026-01", 400_000, 4_000));
        ledger.declare(base("2026-07", 600_000, 9_000));

        assertThat(ledger.baseFor(YearMonth.parse("2025-12"))).isEmpty();
        assertThat(ledger.baseFor(YearMonth.parse("2026-06")).orElseThrow().monthlyFen()).isEqualTo(4_000);
        assertThat(ledger.baseFor(YearMonth.parse("2026-07")).orElseThrow().monthlyFen()).isEqualTo(9_000);
        assertThat(ledger.bases()).hasSize(2);
    }

    @Test
    void unpaid_months_count_back_from_the_last_due_month_to_the_last_payment_or_the_first_base() {
        DuesLedger ledger = new DuesLedger();
        ledger.declare(base("2026-01", 400_000, 4_000));
        ledger.pay(paid("2026-02", 4_000));

        assertThat(ledger.unpaidMonths(YearMonth.parse("2026-02"))).isZero();
        assertThat(ledger.unpaidMonths(YearMonth.parse("2026-05"))).isEqualTo(3);
        assertThat(ledger.unpaidMonths(YearMonth.parse("2026-08"))).isEqualTo(6);
        assertThat(new DuesLedger().unpaidMonths(YearMonth.parse("2026-08"))).as("nothing declared, nothing due").isZero();
        assertThat(LocalDate.of(2026, 2, 1)).isEqualTo(ledger.payments().get(0).month());
    }

    @Test
    void three_unpaid_months_warn_and_six_without_a_reason_call_for_a_lapse_review() {
        assertThat(DuesLedger.level(2, false, OrgRules.Arrears.DEFAULT)).isEqualTo(DuesLedger.ArrearsLevel.NONE);
        assertThat(DuesLedger.level(3, false, OrgRules.Arrears.DEFAULT)).isEqualTo(DuesLedger.ArrearsLevel.WARNING);
        assertThat(DuesLedger.level(5, false, OrgRules.Arrears.DEFAULT)).isEqualTo(DuesLedger.ArrearsLevel.WARNING);
        assertThat(DuesLedger.level(6, false, OrgRules.Arrears.DEFAULT)).isEqualTo(DuesLedger.ArrearsLevel.LAPSE_REVIEW);
        assertThat(DuesLedger.level(6, true, OrgRules.Arrears.DEFAULT)).isEqualTo(DuesLedger.ArrearsLevel.WARNING);
    }

    @Test
    void the_thresholds_are_those_of_the_rules_in_force_two_months_warn_and_four_call_for_review() {
        OrgRules.Arrears stricter = new OrgRules.Arrears(2, 4);
        assertThat(DuesLedger.level(1, false, stricter)).isEqualTo(DuesLedger.ArrearsLevel.NONE);
        assertThat(DuesLedger.level(2, false, stricter)).isEqualTo(DuesLedger.ArrearsLevel.WARNING);
        assertThat(DuesLedger.level(4, false, stricter)).isEqualTo(DuesLedger.ArrearsLevel.LAPSE_REVIEW);
        assertThat(DuesLedger.level(4, true, stricter)).isEqualTo(DuesLedger.ArrearsLevel.WARNING);
    }

    @Test
    void a_flag_is_announced_only_when_it_rises() {
        DuesLedger ledger = new DuesLedger();
        assertThat(ledger.flag(DuesLedger.ArrearsLevel.WARNING)).isTrue();
        assertThat(ledger.flag(DuesLedger.ArrearsLevel.WARNING)).isFalse();
        assertThat(ledger.flag(DuesLedger.ArrearsLevel.LAPSE_REVIEW)).isTrue();
        assertThat(ledger.flag(DuesLedger.ArrearsLevel.NONE)).isFalse();
        assertThat(ledger.flag(DuesLedger.ArrearsLevel.WARNING)).isTrue();
    }
}
