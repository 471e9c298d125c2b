package cn.city.party.org.member;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.For;
import cn.city.party.common.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** 党员管理: profiles, search, status, probation, the audited national ID, "my profile". */
@RestController
@RequestMapping("/api/org/members")
@Tag(name = "党员 Members")
@Validated
public class MemberController {

    /** Fields a search may be sorted by (each leads an index together with the department). */
    static final Set<String> SORTABLE = Set.of("name", "joinedOn", "birthDate", "status", "admittedAt");

    private final MemberService members;
    private final BranchScope branchScope;

    public MemberController(MemberService members, BranchScope branchScope) {
        this.members = members;
        this.branchScope = branchScope;
    }

    public record ProfileInput(
            @NotBlank @Size(max = 32) String name,
            @NotNull Gender gender,
            @NotBlank @Size(max = 16) String ethnicity,
            @NotNull LocalDate birthDate,
            @NotBlank @Size(max = 18) String nationalId,
            @Size(max = 32) String education,
            @Size(max = 64) String post,
            @NotNull LocalDate joinedOn,
            @NotNull Boolean leadingCadre,
            @NotNull PartyAffairsCadre partyAffairsCadre) {

        MemberProfile toProfile() {
            return new MemberProfile(name, gender, ethnicity, birthDate, nationalId, education, post, joinedOn,
                    leadingCadre, partyAffairsCadre);
        }
    }

    public record ContactInput(@Pattern(regexp = "[0-9+\\- ]{5,20}") String phone,
                               @Email @Size(max = 64) String email,
                               @Size(max = 128) String address) {

        Contact toContact() {
            return new Contact(phone, email, address);
        }

        static Contact of(ContactInput input) {
            return input == null ? Contact.NONE : input.toContact();
        }
    }

    public record AdmitMember(@NotBlank @Size(max = 64) String branchId,
                              @Size(max = 64) String partyGroupId,
                              @NotNull MemberStatus status,
                              @NotNull @Valid ProfileInput profile,
                              @Valid ContactInput contact,
                              @Size(max = 64) String accountSubject) {
    }

    public record ChangeMember(@NotNull @Valid ProfileInput profile,
                               @Valid ContactInput contact,
                               @Size(max = 64) String partyGroupId) {
    }

    public record ChangeStatus(@NotNull MemberStatus status) {
    }

    public record ExtendProbation(@NotNull Integer months) {
    }

    public record LinkAccount(@NotBlank @Size(max = 64) String accountSubject) {
    }

    public record NationalIdView(String memberId, String nationalId) {
    }

    /** The work committee too: a new department's first member, its future admin, is admitted before it has one. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "党员入册 Admit a member into a branch")
    public MemberView admit(@Valid @RequestBody AdmitMember r) {
        return view(members.admit(new MemberService.NewMember(null, r.branchId(), r.partyGroupId(), r.status(),
                r.profile().toProfile(), ContactInput.of(r.contact()), r.accountSubject())));
    }

    @GetMapping
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "查询党员（姓名前缀、支部、状态、入党日期；分页排序） Search members, paged and sorted")
    public PageView<MemberView> search(@RequestParam(required = false) String department,
                                       @RequestParam(required = false) String name,
                                       @RequestParam(required = false) String branchId,
                                       @RequestParam(required = false) MemberStatus status,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedFrom,
                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate joinedTo,
                                       @RequestParam(defaultValue = "0") @Min(0) int page,
                                       @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                       @RequestParam(defaultValue = "name") String sort,
                                       @RequestParam(defaultValue = "ASC") Sort.Direction direction) {
        if (!SORTABLE.contains(sort)) {
            throw Problems.invalid("sort", "member.sortUnknown", String.join(", ", SORTABLE));
        }
        Page<Member> result = members.search(
                new MemberService.MemberFilter(department, name, branchId, status, joinedFrom, joinedTo),
                PageRequest.of(page, size, Sort.by(direction, sort).and(Sort.by("_id"))));
        LocalDate today = members.today();
        return PageView.of(result, m -> MemberView.of(m, today));
    }

    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "我的档案 The caller's own member profile")
    public MemberView me() {
        return view(branchScope.requireSelf());
    }

    @PutMapping("/me/contact")
    @For.SecretaryOrMember
    @Operation(summary = "修改本人联系方式 A member edits its own contact fields")
    public MemberView changeOwnContact(@Valid @RequestBody ContactInput contact) {
        return view(members.changeOwnContact(contact.toContact()));
    }

    @GetMapping("/conversions-due")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "应转正的预备党员 Probationary members due for conversion within N days (or overdue)")
    public List<MemberView> conversionsDue(@RequestParam(required = false) String department,
                                           @RequestParam(defaultValue = "30") @Min(0) @Max(366) int withinDays) {
        return members.conversionsDue(department, withinDays).stream().map(this::view).toList();
    }

    @GetMapping("/political-birthdays")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "政治生日 Members who joined the Party in this month (1–12)")
    public List<MemberView> politicalBirthdays(@RequestParam(required = false) String department,
                                               @RequestParam @Min(1) @Max(12) int month) {
        return members.politicalBirthdays(department, month).stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    @For.WorkCommitteeDeptAdminOrSecretary
    public MemberView get(@PathVariable String id) {
        return view(members.get(id));
    }

    @PutMapping("/{id}")
    @For.DeptAdmin
    @Operation(summary = "修改党员信息 Change a member's profile, contact and Party group")
    public MemberView change(@PathVariable String id, @Valid @RequestBody ChangeMember r) {
        return view(members.change(id, r.profile().toProfile(), ContactInput.of(r.contact()), r.partyGroupId()));
    }

    @PostMapping("/{id}/status")
    @For.DeptAdmin
    @Operation(summary = "变更党员状态（转正、停止党籍、转出、去世） Change status")
    public MemberView changeStatus(@PathVariable String id, @Valid @RequestBody ChangeStatus r) {
        return view(members.changeStatus(id, r.status()));
    }

    @PostMapping("/{id}/probation-extension")
    @For.DeptAdmin
    @Operation(summary = "延长预备期（仅一次，最长一年） Extend probation once")
    public MemberView extendProbation(@PathVariable String id, @Valid @RequestBody ExtendProbation r) {
        return view(members.extendProbation(id, r.months()));
    }

    @PutMapping("/{id}/account")
    @For.DeptAdmin
    @Operation(summary = "关联登录账号 Link the member to its Keycloak account (token sub)")
    public MemberView linkAccount(@PathVariable String id, @Valid @RequestBody LinkAccount r) {
        return view(members.linkAccount(id, r.accountSubject()));
    }

    @GetMapping("/{id}/national-id")
    @For.DeptAdmin
    @Operation(summary = "查看完整身份证号（留痕） Read the full national ID; the read is audited")
    public NationalIdView nationalId(@PathVariable String id) {
        return new NationalIdView(id, members.readNationalId(id));
    }

    @GetMapping("/{id}/national-id/reads")
    @For.DeptAdmin
    @Operation(summary = "身份证号查看记录 Who read the national ID, and when")
    public List<NationalIdReadView> nationalIdReads(@PathVariable String id) {
        return members.nationalIdReads(id).stream()
                .map(r -> new NationalIdReadView(r.readerUsername(), r.readerSubject(), r.readAt(), r.requestId()))
                .toList();
    }

    public record NationalIdReadView(String reader, String readerSubject, Instant readAt, String requestId) {
    }

    private MemberView view(Member member) {
        return MemberView.of(member, members.today());
    }
}
