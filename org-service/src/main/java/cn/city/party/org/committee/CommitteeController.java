package cn.city.party.org.committee;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.For;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/** 委员会与换届: the committee of an organization, its terms and the reminders before they end. */
@RestController
@Tag(name = "委员会与换届 Committees and terms")
public class CommitteeController {

    private final CommitteeService committees;

    public CommitteeController(CommitteeService committees) {
        this.committees = committees;
    }

    public record Election(@NotNull LocalDate termStart,
                           @NotEmpty @Size(max = 9) List<@Valid @NotNull PostInput> posts) {
    }

    public record PostInput(@NotNull CommitteePost post, @NotBlank @Size(max = 64) String memberId) {
    }

    public record TermView(LocalDate termStart, LocalDate termEnd, List<Term.Seat> posts, CommitteeRules.TermState state) {
    }

    public record CommitteeView(String organizationId, String department, TermView current, List<TermView> history) {
    }

    public record TermDue(String organizationId, String department, LocalDate termEnd, CommitteeRules.TermState state) {
    }

    /** A post awaiting a by-election (补选) and since when; the reason is discipline content and not shown. */
    public record ByElectionDue(String organizationId, String department, CommitteePost post, LocalDate vacantSince) {
    }

    @PutMapping("/api/org/organizations/{id}/committee")
    @For.DeptAdmin
    @Operation(summary = "换届选举：记录新一届委员会 Record the election of a new term")
    public CommitteeView elect(@PathVariable String id, @Valid @RequestBody Election election) {
        return view(committees.elect(id, election.termStart(), election.posts().stream()
                .map(p -> new CommitteeService.Nomination(p.post(), p.memberId())).toList()));
    }

    @GetMapping("/api/org/organizations/{id}/committee")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "委员会（本届与历届） The current term and past terms")
    public CommitteeView get(@PathVariable String id) {
        return view(committees.find(id).orElseThrow(() -> Problems.notFound("entity.committee", id)));
    }

    @GetMapping("/api/org/committees/terms-due")
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "换届提醒：90天内到期及已超期的届期 Terms ending within 90 days and overdue terms")
    public List<TermDue> termsDue(@RequestParam(required = false) String department) {
        return committees.termsDue(department).stream().map(c -> new TermDue(c.organizationId(), c.department(),
                c.current().termEnd(), committees.state(c.current()))).toList();
    }

    @GetMapping("/api/org/committees/by-elections-due")
    @For.WorkCommitteeOrDeptAdmin
    @Operation(summary = "补选提醒：因撤销党内职务而空缺的职务 Posts vacated by removal from Party posts, awaiting a by-election")
    public List<ByElectionDue> byElectionsDue(@RequestParam(required = false) String department) {
        return committees.byElectionsDue(department).stream().flatMap(c -> c.vacancies().stream()
                        .map(v -> new ByElectionDue(c.organizationId(), c.department(), v.seat().post(), v.since())))
                .sorted(java.util.Comparator.comparing(ByElectionDue::vacantSince)).toList();
    }

    private CommitteeView view(Committee c) {
        return new CommitteeView(c.organizationId(), c.department(), term(c.current()),
                c.history().stream().map(this::term).toList());
    }

    private TermView term(Term t) {
        return new TermView(t.termStart(), t.termEnd(), t.posts(), committees.state(t));
    }
}
