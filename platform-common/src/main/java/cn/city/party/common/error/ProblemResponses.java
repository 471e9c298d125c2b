package cn.city.party.common.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Turns every refusal into an RFC 9457 problem in the caller's language. Input errors name the field and the
 * reason; nothing about the server's internals (stack traces, queries) leaves it.
 */
@RestControllerAdvice
public class ProblemResponses {

    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    private final ProblemWriter writer;

    public ProblemResponses(ProblemWriter writer) {
        this.writer = writer;
    }

    @ExceptionHandler(DomainProblem.class)
    ResponseEntity<ProblemDetail> domain(DomainProblem e, HttpServletRequest request) {
        Locale locale = writer.locale(request);
        List<FieldViolation> errors = e.violations().stream()
                .map(v -> new FieldViolation(v.field(), writer.message(v.code(), v.args(), locale, v.code())))
                .toList();
        return respond(request, e.status(), e.code(), e.args(), errors);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        // the validator already translated each message into the request's locale
        List<FieldViolation> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.add(new FieldViolation(f.getField(), f.getDefaultMessage())));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(new FieldViolation(g.getObjectName(), g.getDefaultMessage())));
        return respond(request, HttpStatus.BAD_REQUEST, "invalidInput", new Object[0], errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldViolation> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldViolation(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return respond(request, HttpStatus.BAD_REQUEST, "invalidInput", new Object[0], errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldViolation> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return respond(request, HttpStatus.BAD_REQUEST, "invalidInput", new Object[0], errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Locale locale = writer.locale(request);
        Throwable cause = e.getMostSpecificCause();
        String field = "body";
        String reason = writer.message("input.malformed", new Object[0], locale, "malformed JSON");
        if (cause instanceof UnrecognizedPropertyException unknown) {
            field = unknown.getPropertyName();
            reason = writer.message("input.unknownField", new Object[0], locale, "unknown field");
        } else if (cause instanceof DatabindException mapping && !mapping.getPath().isEmpty()) {
            field = fieldPath(mapping);
            reason = writer.message("input.wrongType", new Object[0], locale, "wrong type");
        } else if (cause instanceof JacksonException) {
            reason = writer.message("input.malformed", new Object[0], locale, "malformed JSON");
        }
        return respond(request, HttpStatus.BAD_REQUEST, "invalidInput", new Object[0], List.of(new FieldViolation(field, reason)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String reason = writer.message("input.wrongType", new Object[0], writer.locale(request), "wrong type");
        return respond(request, HttpStatus.BAD_REQUEST, "invalidInput", new Object[0], List.of(new FieldViolation(e.getName(), reason)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e, HttpServletRequest request) {
        String reason = writer.message("input.required", new Object[0], writer.locale(request), "required");
        return respond(request, HttpStatus.BAD_REQUEST, "invalidInput", new Object[0], List.of(new FieldViolation(e.getParameterName(), reason)));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.FORBIDDEN, "forbidden", new Object[0], List.of());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrent(OptimisticLockingFailureException e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONFLICT, "concurrentChange", new Object[0], List.of());
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONFLICT, "duplicate", new Object[0], List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.METHOD_NOT_ALLOWED, "methodNotAllowed", new Object[0], List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupportedMediaType", new Object[0], List.of());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(request, HttpStatus.CONTENT_TOO_LARGE, "tooLarge", new Object[0], List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e, HttpServletRequest request) {
        return respond(request, HttpStatus.NOT_FOUND, "noSuchEndpoint", new Object[0], List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal", new Object[0], List.of());
    }

    private ResponseEntity<ProblemDetail> respond(HttpServletRequest request, HttpStatus status, String code,
                                                  Object[] args, List<FieldViolation> errors) {
        ProblemDetail problem = writer.problem(status, code, args, errors, writer.locale(request));
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** The JSON path of a mapping error as a field name: {@code employed[1].upTo}. */
    public static String fieldPath(DatabindException mapping) {
        return mapping.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
