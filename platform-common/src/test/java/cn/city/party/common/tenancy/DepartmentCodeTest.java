package cn.city.party.common.tenancy;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DepartmentCodeTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    record Input(@DepartmentCode String department) {
    }

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void a_department_code_is_a_lower_case_letter_then_up_to_31_letters_digits_or_hyphens() {
        assertThat(VALIDATOR.validate(new Input("caizheng"))).isEmpty();
        assertThat(VALIDATOR.validate(new Input("jiaoyu-2"))).isEmpty();
        assertThat(VALIDATOR.validate(new Input("a" + "b".repeat(31)))).isEmpty();
        assertThat(VALIDATOR.validate(new Input(null))).isEmpty();
    }

    @Test
    void anything_else_is_refused_on_the_field_like_the_pattern_it_is_made_of() {
        for (String code : new String[]{"Caizheng", "2jiaoyu", "c", "a" + "b".repeat(32), "cai zheng", ""}) {
            var violations = VALIDATOR.validate(new Input(code));
            assertThat(violations).as(code).hasSize(1);
            assertThat(violations.iterator().next().getPropertyPath()).hasToString("department");
        }
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        try {
            assertThat(VALIDATOR.validate(new Input("X")).iterator().next().getMessage())
                    .isEqualTo("must match \"[a-z][a-z0-9-]{1,31}\"");
        } finally {
            Locale.setDefault(before);
        }
    }
}
