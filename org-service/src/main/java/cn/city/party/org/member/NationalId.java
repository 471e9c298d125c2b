package cn.city.party.org.member;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * 公民身份号码 (GB 11643-1999): 17 digits and a check character. Sensitive: it is stored, shown masked everywhere
 * ({@link #mask}), and never logged or put into events.
 */
public final class NationalId {

    private static final String HIDDEN = "*".repeat(14);

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final DateTimeFormatter BIRTH = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    private NationalId() {
    }

    /** Eighteen characters, the check character right and a real birth date inside. */
    public static boolean isValid(String id) {
        return id != null && id.matches("\\d{17}[\\dX]") && checkCharacter(id.substring(0, 17)) == id.charAt(17)
                && birthDate(id).isPresent();
    }

    public static Optional<LocalDate> birthDate(String id) {
        try {
            return Optional.of(LocalDate.parse(id.substring(6, 14), BIRTH));
        } catch (DateTimeParseException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /**
     * Only the last four characters, behind as many stars as an 18-character number has before them, e.g.
     * {@code **************1234}. Nothing of the region code or the birth date (characters 1–14) is left, so the
     * birth date shown beside it recovers nothing; the full number only through the audited read.
     */
    public static String mask(String id) {
        if (id == null) {
            return null;
        }
        return id.length() < 8 ? HIDDEN.substring(0, 8) : HIDDEN + id.substring(id.length() - 4);
    }

    /** The full number for 17 given digits (for generated demo and test data). */
    public static String withCheckCharacter(String first17) {
        return first17 + checkCharacter(first17);
    }

    private static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11];
    }
}
