package cn.city.party.common.error;

import org.springframework.http.HttpStatus;

import java.util.List;

/** Factories for the platform's problem responses; message keys live in the i18n bundles. */
public final class Problems {

    private Problems() {
    }

    /** 404: {@code what} is a message key naming the kind of record (e.g. {@code entity.organization}). */
    public static DomainProblem notFound(String what, Object id) {
        return new DomainProblem(HttpStatus.NOT_FOUND, "notFound", new Object[]{new Key(what), id}, List.of());
    }

    public static DomainProblem forbidden(String code, Object... args) {
        return new DomainProblem(HttpStatus.FORBIDDEN, code, args, List.of());
    }

    /** 409: the request is well-formed but the current state does not allow it. */
    public static DomainProblem conflict(String code, Object... args) {
        return new DomainProblem(HttpStatus.CONFLICT, code, args, List.of());
    }

    /** 422: the rules of the domain refuse it (e.g. a committee too small), with the field at fault. */
    public static DomainProblem rule(String field, String code, Object... args) {
        return new DomainProblem(HttpStatus.UNPROCESSABLE_CONTENT, code, args,
                List.of(new DomainProblem.Violation(field, code, args)));
    }

    /** 400: one invalid input field. */
    public static DomainProblem invalid(String field, String code, Object... args) {
        return new DomainProblem(HttpStatus.BAD_REQUEST, "invalidInput", new Object[0],
                List.of(new DomainProblem.Violation(field, code, args)));
    }

    /** 400: several invalid input fields, reported together. */
    public static DomainProblem invalid(List<DomainProblem.Violation> violations) {
        return new DomainProblem(HttpStatus.BAD_REQUEST, "invalidInput", new Object[0], violations);
    }

    /** A message argument that is itself a message key, translated before formatting. */
    public record Key(String code) {
    }
}
