package cn.city.party.common.error;

import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A refusal that the caller can act on. {@code code} is a message key in the service's bundles (Chinese and
 * English); {@code args} fill its placeholders. Field-level violations name the input field and a reason key.
 */
public class DomainProblem extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Object[] args;
    private final List<Violation> violations;

    /** An input field and the message key (with arguments) saying what is wrong with it. */
    public record Violation(String field, String code, Object... args) {
    }

    public DomainProblem(HttpStatus status, String code, Object[] args, List<Violation> violations) {
        super(code);
        this.status = status;
        this.code = code;
        this.args = args == null ? new Object[0] : args.clone();
        this.violations = List.copyOf(violations);
    }

    public HttpStatus status() { return status; }
    public String code() { return code; }
    public Object[] args() { return args.clone(); }
    public List<Violation> violations() { return violations; }
}
