package cn.city.party.common.error;

/** One thing wrong with the input: which field, and why (already in the caller's language). */
public record FieldViolation(String field, String reason) {
}
