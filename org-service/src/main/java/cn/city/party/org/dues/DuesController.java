package cn.city.party.org.dues;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.org.member.DuesCategory;
import cn.city.party.org.member.DuesLedger;
import cn.city.party.common.security.For;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/** 党费: income bases, monthly amounts, payments, arrears and the monthly collection report. */
@RestController
@RequestMapping("/api/org/dues")
@Tag(name = "党费 Party dues")
public class DuesController {

    private final DuesService dues;

    public DuesController(DuesService dues) {
        this.dues = dues;
    }

    public record DeclareBase(@NotNull DuesCategory category,
                              @NotNull @PositiveOrZero @DecimalMax("10000000") @Digits(integer = 8, fraction = 2) BigDecimal income,
                              @NotNull YearMonth effectiveFrom) {
    }

    public record Pay(@NotNull YearMonth month) {
    }

    public record ArrearsReason(@NotBlank @Size(max = 200) String reason) {
    }

    public record BaseView(YearMonth effectiveFrom, DuesCategory category, BigDecimal income, BigDecimal monthly,
                           Instant declaredAt, String declaredBy) {
    }

    public record PaymentView(YearMonth month, BigDecimal amount, Instant paidAt, String recordedBy, boolean byCadre) {
    }

    public record AccountView(String memberId, String name, String department, String branchId, BigDecimal currentMonthly,
                              int unpaidMonths, DuesLedger.ArrearsLevel arrearsLevel, String arrearsReason,
                              List<BaseView> bases, List<PaymentView> payments) {

        static AccountView of(DuesService.Account a) {
            DuesLedger l = a.member().dues();
            return new AccountView(a.member().id(), a.member().name(), a.member().department(), a.member().branchId(),
                    a.currentMonthly(), a.unpaidMonths(), l.arrearsLevel(), l.arrearsReason(),
                    l.bases().stream().map(b -> new BaseView(YearMonth.from(b.effectiveFrom()), b.category(),
                            DuesCalculator.yuan(b.incomeFen()), DuesCalculator.yuan(b.monthlyFen()), b.declaredAt(),
                            b.declaredBy())).toList(),
                    l.payments().stream().map(p -> new PaymentView(YearMonth.from(p.month()),
                            DuesCalculator.yuan(p.amountFen()), p.paidAt(), p.recordedBy(), p.byCadre())).toList());
        }
    }

    public record Flagged(String memberId, String name, String branchId, DuesLedger.ArrearsLevel level) {
    }

    @GetMapping("/me")
    @For.SecretaryOrMember
    @Operation(summary = "我的党费 The caller's own dues")
    public AccountView own() {
        return AccountView.of(dues.own());
    }

    @PostMapping("/me/payments")
    @For.SecretaryOrMember
    @Operation(summary = "本人缴纳党费 Pay one's own month")
    public AccountView payOwn(@Valid @RequestBody Pay r) {
        return AccountView.of(dues.payOwn(r.month()));
    }

    @GetMapping("/report")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "党费收缴月报（按支部与部门） Monthly collection per branch and department")
    public DuesService.Report report(@RequestParam(required = false) String department, @RequestParam YearMonth month) {
        String code = department != null ? department : CurrentCaller.get().department();
        if (code == null) {
            throw Problems.invalid("department", "input.required");
        }
        return dues.report(code, month);
    }

    @PostMapping("/arrears/evaluation")
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "检查拖欠（3个月提醒，6个月自行脱党审查） Flag arrears now (also runs daily)")
    public List<Flagged> evaluateArrears(@RequestParam(required = false) String department) {
        return dues.evaluateArrears(department).stream()
                .map(m -> new Flagged(m.id(), m.name(), m.branchId(), m.dues().arrearsLevel())).toList();
    }

    public record ArrearsLine(String memberId, String name, String branchId, int unpaidMonths,
                              DuesLedger.ArrearsLevel level, String reason) {
    }

    @GetMapping("/arrears")
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "欠缴党员（满3个月预警，满6个月且无理由的自行脱党审查） Members in arrears now, with the reason recorded")
    public List<ArrearsLine> arrears(@RequestParam(required = false) String department) {
        String code = department != null ? department : CurrentCaller.get().department();
        if (code == null) {
            throw Problems.invalid("department", "input.required");
        }
        return dues.arrears(code).stream().map(a -> new ArrearsLine(a.member().id(), a.member().name(),
                a.member().branchId(), a.unpaidMonths(), a.level(), a.member().dues().arrearsReason())).toList();
    }

    @GetMapping("/{memberId}")
    @For.WorkCommitteeDeptAdminOrSecretary
    public AccountView account(@PathVariable String memberId) {
        return AccountView.of(dues.account(memberId));
    }

    @PutMapping("/{memberId}/base")
    @For.DeptAdminOrSecretary
    @Operation(summary = "申报缴费基数（保留历史） Declare the monthly income base from a month on")
    public AccountView declare(@PathVariable String memberId, @Valid @RequestBody DeclareBase r) {
        return AccountView.of(dues.declare(memberId, r.category(), r.income(), r.effectiveFrom()));
    }

    @PostMapping("/{memberId}/payments")
    @For.DeptAdminOrSecretary
    @Operation(summary = "代缴/登记缴费 Record a month paid on the member's behalf")
    public AccountView pay(@PathVariable String memberId, @Valid @RequestBody Pay r) {
        return AccountView.of(dues.pay(memberId, r.month()));
    }

    @PutMapping("/{memberId}/arrears-reason")
    @For.DeptAdmin
    @Operation(summary = "登记欠缴理由 Record a reason for arrears (no lapse review)")
    public AccountView explainArrears(@PathVariable String memberId, @Valid @RequestBody ArrearsReason r) {
        return AccountView.of(dues.explainArrears(memberId, r.reason()));
    }
}
