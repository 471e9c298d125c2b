package cn.city.party.common.error;

import cn.city.party.common.test.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Problem responses as a caller reads them, from the platform's own message bundle and the JSON mapper Spring Boot
 * builds: Chinese unless the caller asks for English (the settings of platform-defaults.yml).
 */
class ProblemWriterTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MessageSourceAutoConfiguration.class))
            .withPropertyValues("spring.messages.basename=i18n/platform", "spring.messages.fallback-to-system-locale=false");

    private void withWriter(Consumer<ProblemWriter> test) {
        context.run(beans -> {
            AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();
            locales.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
            test.accept(new ProblemWriter(beans.getBean(MessageSource.class), locales, beans.getBean(JsonMapper.class)));
        });
    }

    @Test
    void an_input_problem_names_its_type_code_and_fields_in_chinese() {
        withWriter(writer -> {
            ProblemDetail problem = writer.problem(HttpStatus.BAD_REQUEST, "invalidInput", new Object[0],
                    List.of(new FieldViolation("name", "必填")), Locale.SIMPLIFIED_CHINESE);

            assertThat(problem.getType()).isEqualTo(URI.create("urn:party-platform:problem:invalidInput"));
            assertThat(problem.getStatus()).isEqualTo(400);
            assertThat(problem.getTitle()).isEqualTo("请求有误");
            assertThat(problem.getDetail()).isEqualTo("提交的内容有误，请按字段说明修改后重试。");
            assertThat(problem.getProperties()).isEqualTo(Map.of("code", "invalidInput",
                    "errors", List.of(new FieldViolation("name", "必填"))));
        });
    }

    @Test
    void a_message_key_among_the_arguments_is_translated_too() {
        withWriter(writer -> {
            Object[] args = {new Problems.Key("entity.ruleKind"), "r-1"};

            assertThat(writer.problem(HttpStatus.NOT_FOUND, "notFound", args, List.of(), Locale.SIMPLIFIED_CHINESE).getDetail())
                    .isEqualTo("未找到规则类别：r-1");
            assertThat(writer.problem(HttpStatus.NOT_FOUND, "notFound", args, List.of(), Locale.ENGLISH).getDetail())
                    .isEqualTo("kind of rules not found: r-1");
        });
    }

    @Test
    void a_problem_without_field_errors_has_no_errors_member_and_an_unknown_code_reads_as_itself() {
        withWriter(writer -> {
            ProblemDetail problem = writer.problem(HttpStatus.CONFLICT, "no.such.code", null, List.of(), Locale.ENGLISH);

            assertThat(problem.getTitle()).isEqualTo("Conflict with the current state");
            assertThat(problem.getDetail()).isEqualTo("no.such.code");
            assertThat(problem.getProperties()).isEqualTo(Map.of("code", "no.such.code"));
        });
    }

    @Test
    void a_filter_answers_with_problem_json_in_the_callers_language() {
        withWriter(writer -> {
            MockHttpServletRequest english = new MockHttpServletRequest("GET", "/api/org/members");
            english.addHeader("Accept-Language", "en");
            MockHttpServletResponse response = write(writer, english, HttpStatus.UNAUTHORIZED, "unauthenticated");

            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(response.getContentType()).isEqualTo("application/problem+json;charset=UTF-8");
            JsonNode body = Api.JSON.readTree(response.getContentAsByteArray());
            assertThat(body.path("type").asString()).isEqualTo("urn:party-platform:problem:unauthenticated");
            assertThat(body.path("title").asString()).isEqualTo("Not signed in or token invalid");
            assertThat(body.path("status").asInt()).isEqualTo(401);
            assertThat(body.path("detail").asString()).isEqualTo("A valid access token is required (sign in again).");
            assertThat(body.path("instance").asString()).isEqualTo("/api/org/members");
            assertThat(body.path("code").asString()).isEqualTo("unauthenticated");
            assertThat(body.has("errors")).isFalse();

            MockHttpServletRequest chinese = new MockHttpServletRequest("POST", "/api/org/organizations");
            JsonNode forbidden = Api.JSON.readTree(write(writer, chinese, HttpStatus.FORBIDDEN, "forbidden").getContentAsByteArray());
            assertThat(forbidden.path("title").asString()).isEqualTo("无权访问");
            assertThat(forbidden.path("detail").asString()).isEqualTo("您的角色或所属部门无权执行此操作。");
        });
    }

    private static MockHttpServletResponse write(ProblemWriter writer, MockHttpServletRequest request, HttpStatus status,
                                                 String code) {
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            writer.write(request, response, status, code);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return response;
    }
}
