package cn.city.party.discipline.lead;

import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.For;
import cn.city.party.common.tenancy.DepartmentCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** 承办人名单: the inspectors a department's lead can be handed to ({@link Inspectors}). */
@RestController
@RequestMapping("/api/discipline/inspectors")
@Tag(name = "线索 Leads")
public class InspectorController {

    private final Inspectors inspectors;

    public InspectorController(Inspectors inspectors) {
        this.inspectors = inspectors;
    }

    @GetMapping
    @For.Inspector
    @Operation(summary = "承办人名单 Inspectors who have handled or acted on the department's discipline records")
    public List<Inspectors.Inspector> inspectors(
            @RequestParam(required = false) @DepartmentCode String department) {
        return inspectors.of(department != null ? department : CurrentCaller.get().department());
    }
}
