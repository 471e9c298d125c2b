package cn.city.party.common.tenancy;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.CONSTRUCTOR;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

/**
 * A department's code as the realm and every service write it, e.g. {@code caizheng}: a lower-case letter, then up to
 * 31 lower-case letters, digits or hyphens. {@code null} is valid (add {@code @NotBlank} where the code is required);
 * a violation reads like the {@link Pattern} it is made of.
 */
@Documented
@Pattern(regexp = DepartmentCode.PATTERN)
@Constraint(validatedBy = {})
@Target({METHOD, FIELD, ANNOTATION_TYPE, CONSTRUCTOR, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface DepartmentCode {

    String PATTERN = "[a-z][a-z0-9-]{1,31}";

    String message() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
