package cn.city.party.gateway;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import java.util.Set;

/** Where an open circuit or a timed-out call ends: a 503 problem at once, never a hang. */
@RestController
public class FallbackController {

    /** The services the routes forward to; only these are named in a problem (nothing the caller typed). */
    private static final Set<String> SERVICES = Set.of("org-service", "activity-service", "study-service", "discipline-service");

    private final GatewayProblems problems;

    public FallbackController(GatewayProblems problems) {
        this.problems = problems;
    }

    @RequestMapping("/fallback/{service}")
    public ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        if (!SERVICES.contains(service)) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problems.problem(exchange, HttpStatus.NOT_FOUND, "notFound"));
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", "5")
                .body(problems.problem(exchange, HttpStatus.SERVICE_UNAVAILABLE, "serviceUnavailable", service));
    }
}
