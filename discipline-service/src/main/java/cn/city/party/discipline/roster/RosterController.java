package cn.city.party.discipline.roster;

import cn.city.party.common.security.For;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The roster as this service knows it, for inspectors choosing the subject of a lead or a sanction. */
@RestController
@RequestMapping("/api/discipline/roster")
@Tag(name = "名册 Roster")
public class RosterController {

    private final Roster roster;

    public RosterController(Roster roster) {
        this.roster = roster;
    }

    public record MemberView(String memberId, String department, String branchId, String name, String status) {
        static MemberView of(RosterMember m) {
            return new MemberView(m.memberId(), m.department(), m.branchId(), m.name(), m.status());
        }
    }

    public record OrganizationView(String id, String department, String type, String name, String status) {
        static OrganizationView of(RosterOrganization o) {
            return new OrganizationView(o.id(), o.department(), o.type(), o.name(), o.status());
        }
    }

    @GetMapping("/members")
    @For.Inspector
    @Operation(summary = "名册中的党员 Members known to discipline-service (in scope)")
    public List<MemberView> members(@RequestParam(required = false) String department) {
        return roster.members(department).stream().map(MemberView::of).toList();
    }

    @GetMapping("/organizations")
    @For.Inspector
    @Operation(summary = "名册中的组织 Organizations known to discipline-service (in scope)")
    public List<OrganizationView> organizations(@RequestParam(required = false) String department) {
        return roster.organizations(department).stream().map(OrganizationView::of).toList();
    }
}
