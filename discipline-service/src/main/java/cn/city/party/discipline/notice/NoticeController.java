package cn.city.party.discipline.notice;

import cn.city.party.common.security.For;
import cn.city.party.common.tenancy.DepartmentCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * 典型案例通报: an inspector publishes an anonymized summary; the study service turns it into warning-education
 * material. A city-wide notice (no department) needs a city-jurisdiction inspector (the data layer refuses others).
 */
@RestController
@RequestMapping("/api/discipline/notices")
@Tag(name = "通报 Typical-case notices")
public class NoticeController {

    private final NoticeService notices;

    public NoticeController(NoticeService notices) {
        this.notices = notices;
    }

    public record Publish(@DepartmentCode String department,
                          @NotBlank @Size(max = 100) String title,
                          @NotBlank @Size(max = 2000) String summary,
                          @NotNull Notice.Audience audience) {
    }

    public record View(String id, String department, String title, String summary, Notice.Audience audience,
                       Instant publishedAt) {
        static View of(Notice n) {
            return new View(n.id(), n.department(), n.title(), n.summary(), n.audience(), n.publishedAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @For.Inspector
    @Operation(summary = "发布典型案例通报 Publish an anonymized typical-case notice (no department = city-wide)")
    public View publish(@Valid @RequestBody Publish request) {
        return View.of(notices.publish(new NoticeService.NewNotice(request.department(), request.title(),
                request.summary(), request.audience())));
    }

    @GetMapping
    @For.Inspector
    @Operation(summary = "已发布的通报 Notices published in scope, newest first (city-wide ones for a city-jurisdiction inspector)")
    public List<View> list() {
        return notices.list().stream().map(View::of).toList();
    }

}
