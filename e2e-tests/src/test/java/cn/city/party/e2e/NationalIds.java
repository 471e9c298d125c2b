package cn.city.party.e2e;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

/** National IDs for the people the end-to-end tests admit: valid, and unique enough to never meet twice in a run. */
public final class NationalIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private NationalIds() {
    }

    /** A valid national ID (GB 11643 check character) for someone born on {@code birth}, in a random region. */
    public static String bornOn(LocalDate birth) {
        return withCheck("%06d".formatted(ThreadLocalRandom.current().nextInt(110000, 659999))
                + birth.toString().replace("-", "") + "%03d".formatted(ThreadLocalRandom.current().nextInt(1000)));
    }

    /** The first 17 digits (region, birth date, sequence) and GB 11643's check character (ISO 7064 MOD 11-2). */
    public static String withCheck(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }
}
