package cn.city.party.activity.assessment;

import cn.city.party.common.security.For;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 年度考核关账: the work committee closes a year; everyone who reads compliance can see whether it is closed. */
@RestController
@RequestMapping("/api/compliance/years")
@Tag(name = "年度关账 Closing a year")
@Validated
public class AssessmentYearController {

    private final AssessmentYears years;

    public AssessmentYearController(AssessmentYears years) {
        this.years = years;
    }

    public record YearView(int year, boolean closed, String closedBy, java.time.Instant closedAt) {
    }

    @PostMapping("/{year}/close")
    @ResponseStatus(HttpStatus.CREATED)
    @For.WorkCommittee
    @Operation(summary = "关闭年度考核（此后该年度记录只读） Close a year's assessment")
    public YearView close(@PathVariable @Min(2000) @Max(2100) int year) {
        AssessmentYears.ClosedData closed = years.close(year);
        return new YearView(year, true, closed.closedBy(), closed.closedAt());
    }

    @GetMapping("/{year}")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "年度是否已关账 Whether a year is closed")
    public YearView get(@PathVariable @Min(2000) @Max(2100) int year) {
        return years.closed(year).map(c -> new YearView(year, true, c.closedBy(), c.closedAt()))
                .orElse(new YearView(year, false, null, null));
    }
}
