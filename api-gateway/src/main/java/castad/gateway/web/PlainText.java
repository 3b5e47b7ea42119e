package castad.gateway.web;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Text a person typed: no control characters (tab and line breaks only where {@link #multiline()}), no
 * unpaired surrogate (the database would refuse it with a 500), no Unicode noncharacter. Letters of any
 * script, emoji and their joiners are all fine.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PlainText.Validator.class)
public @interface PlainText {

    String message() default "must be plain text: no control characters, unpaired surrogates or noncharacters";

    boolean multiline() default false;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<PlainText, String> {

        private boolean multiline;

        @Override
        public void initialize(PlainText annotation) {
            multiline = annotation.multiline();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.codePoints().allMatch(this::allowed) && pairedSurrogates(value);
        }

        private boolean allowed(int codePoint) {
            if (multiline && (codePoint == '\n' || codePoint == '\r' || codePoint == '\t')) {
                return true;
            }
            return !Character.isISOControl(codePoint) && !isNonCharacter(codePoint)
                    && Character.getType(codePoint) != Character.SURROGATE;
        }

        private static boolean isNonCharacter(int codePoint) {
            return (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
        }

        private static boolean pairedSurrogates(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (Character.isHighSurrogate(c) && (i + 1 == value.length() || !Character.isLowSurrogate(value.charAt(++i)))) {
                    return false;
                }
                if (Character.isLowSurrogate(c)) {
                    return false;
                }
            }
            return true;
        }
    }
}
