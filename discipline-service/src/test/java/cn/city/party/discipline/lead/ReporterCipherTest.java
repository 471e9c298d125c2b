package cn.city.party.discipline.lead;

import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReporterCipherTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    @Test
    void the_identity_round_trips_and_never_appears_in_the_ciphertext() {
        ReporterCipher cipher = new ReporterCipher(KEY);
        String sealed = cipher.encrypt("{\"name\":\"张三\"}", "lead-1");
        assertThat(sealed).startsWith("v1:").doesNotContain("张三");
        assertThat(cipher.encrypt("{\"name\":\"张三\"}", "lead-1")).as("fresh nonce each time").isNotEqualTo(sealed);
        assertThat(cipher.decrypt(sealed, "lead-1")).isEqualTo("{\"name\":\"张三\"}");
    }

    @Test
    void a_ciphertext_moved_to_another_lead_or_read_with_another_key_or_altered_does_not_decrypt() {
        ReporterCipher cipher = new ReporterCipher(KEY);
        String sealed = cipher.encrypt("张三", "lead-1");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "lead-2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ReporterCipher(OTHER_KEY).decrypt(sealed, "lead-1")).isInstanceOf(IllegalStateException.class);
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.decrypt(altered, "lead-1")).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("张三");
    }

    @Test
    void the_service_does_not_start_without_a_proper_key() {
        assertThatThrownBy(() -> new ReporterCipher("")).hasMessageContaining("DISCIPLINE_REPORTER_KEY");
        assertThatThrownBy(() -> new ReporterCipher("not base64!")).hasMessageContaining("base64");
        assertThatThrownBy(() -> new ReporterCipher(Base64.getEncoder().encodeToString(new byte[7]))).hasMessageContaining("bytes");
    }

    @Test
    void receipt_codes_are_random_and_stored_only_as_a_hash_that_ignores_dashes_and_case() {
        String code = ReceiptCodes.generate();
        assertThat(code).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){4}").isNotEqualTo(ReceiptCodes.generate());
        assertThat(ReceiptCodes.hash(code)).hasSize(64).doesNotContain(code)
                .isEqualTo(ReceiptCodes.hash(code.toLowerCase().replace("-", " ")));
    }
}
