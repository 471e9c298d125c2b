package cn.city.party.study.support;

import org.springframework.data.mongodb.core.query.Criteria;

import java.util.regex.Pattern;

/**
 * Search by part of a title with {@code $regex} (the MongoDB substitute has no {@code $text}). What the user typed
 * is always matched literally: every regular-expression character is escaped, so input like {@code .*} or
 * {@code (a+)+} is just text and cannot turn the search into a catastrophic pattern.
 */
public final class TitleSearch {

    private static final Pattern SPECIAL = Pattern.compile("[\\\\^$.|?*+()\\[\\]{}/-]");

    private TitleSearch() {
    }

    public static String literal(String text) {
        return SPECIAL.matcher(text).replaceAll("\\\\$0");
    }

    public static Criteria contains(String field, String text) {
        return Criteria.where(field).regex(literal(text.strip()), "i");
    }
}
