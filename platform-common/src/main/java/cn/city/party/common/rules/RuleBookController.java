package cn.city.party.common.rules;

import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.For;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/**
 * 规则版本: the same endpoints in every service that has versioned rules, under its {@code platform.rules.path}
 * (e.g. {@code /api/org/rules}). Reading is for the staff roles; publishing for the work committee only.
 */
@RestController
@RequestMapping("${platform.rules.path}")
@Tag(name = "规则版本 Versioned rules")
@Validated
public class RuleBookController {

    private final RuleBook book;
    private final MessageSource messages;

    public RuleBookController(RuleBook book, MessageSource messages) {
        this.book = book;
        this.messages = messages;
    }

    /** A kind with its Chinese (or English) label and the version in force. */
    public record KindView(String kind, String label, RuleVersion current) {
    }

    /** A new version: the values of the kind, why, and from when (default now). */
    public record PublishVersion(JsonNode values, @Size(max = 500) String reason, Instant inForceSince) {
    }

    @GetMapping
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "各类规则及其现行版本 The kinds of rules and the version of each in force for the year")
    public List<KindView> kinds(@RequestParam @Min(2000) @Max(2100) int year) {
        return book.kinds().stream().map(k -> new KindView(k.name(), label(k), book.current(k, year))).toList();
    }

    @GetMapping("/{kind}")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "现行版本 The version in force for the year")
    public RuleVersion current(@PathVariable String kind, @RequestParam @Min(2000) @Max(2100) int year) {
        return book.current(book.kind(kind), year);
    }

    @GetMapping("/{kind}/history")
    @For.WorkCommitteeDeptAdminOrSecretary
    @Operation(summary = "历次版本 Every version of the year, oldest first, with its in-force time")
    public List<RuleVersion> history(@PathVariable String kind, @RequestParam @Min(2000) @Max(2100) int year) {
        return book.history(book.kind(kind), year);
    }

    @PostMapping("/{kind}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @For.WorkCommittee
    @Operation(summary = "发布新版本（工委） Publish the next version of the year")
    public RuleVersion publish(@PathVariable String kind, @RequestParam int year,
                               @Valid @RequestBody PublishVersion request) {
        return book.publish(book.kind(kind), year, request.values(), request.reason(), request.inForceSince(),
                CurrentCaller.get().username());
    }

    private String label(RuleKind<?> kind) {
        return messages.getMessage("rules.kind." + kind.name(), null, kind.name(), LocaleContextHolder.getLocale());
    }
}
