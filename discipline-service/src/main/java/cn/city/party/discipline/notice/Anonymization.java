package cn.city.party.discipline.notice;

import java.util.Collection;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A typical-case notice becomes warning-education material for everyone: its text must not name anyone. Refused are
 * a name of a member on the roster, a national ID number and a mobile phone number; "某某" style placeholders are
 * how such notices are written.
 */
public final class Anonymization {

    private static final Pattern NATIONAL_ID = Pattern.compile("\\d{17}[\\dXx]");
    private static final Pattern MOBILE = Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)");

    private Anonymization() {
    }

    /** What identifies someone in {@code text}, if anything (the kind, never the match itself). */
    public static Optional<String> firstIdentifier(String text, Collection<String> memberNames) {
        if (NATIONAL_ID.matcher(text).find()) {
            return Optional.of("nationalId");
        }
        if (MOBILE.matcher(text).find()) {
            return Optional.of("phone");
        }
        return memberNames.stream().filter(n -> n != null && n.length() >= 2 && text.contains(n)).findFirst()
                .map(n -> "memberName");
    }
}
