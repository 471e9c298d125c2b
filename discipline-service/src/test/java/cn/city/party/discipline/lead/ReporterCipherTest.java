package cn.city.party.discipline.lead;

import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReporterCipherTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    @Test
    void the_identity_round_trips_and_never_appears_in_the_ciphertext() {
        ReporterCipher cipher = new ReporterCipher(KEY, "");
        String sealed = cipher.encrypt("{\"name\":\"张三\"}", "lead-1");
        assertThat(sealed).startsWith("v2:" + cipher.currentKeyId() + ":").doesNotContain("张三");
        assertThat(cipher.encrypt("{\"name\":\"张三\"}", "lead-1")).as("fresh nonce each time").isNotEqualTo(sealed);
        assertThat(cipher.decrypt(sealed, "lead-1")).isEqualTo("{\"name\":\"张三\"}");
    }

    @Test
    void a_ciphertext_moved_to_another_lead_or_read_with_another_key_or_altered_does_not_decrypt() {
        ReporterCipher cipher = new ReporterCipher(KEY, "");
        String sealed = cipher.encrypt("张三", "lead-1");
        assertThatThrownBy(() -> cipher.decrypt(sealed, "lead-2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ReporterCipher(OTHER_KEY, "").decrypt(sealed, "lead-1")).isInstanceOf(IllegalStateException.class);
        String prefix = "v2:" + cipher.currentKeyId() + ":";
        byte[] raw = Base64.getDecoder().decode(sealed.substring(prefix.length()));
        raw[raw.length - 1] ^= 1;
        String altered = prefix + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.decrypt(altered, "lead-1")).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining("张三");
    }

    @Test
    void after_a_key_change_what_the_previous_key_sealed_stays_readable_while_that_key_is_listed_as_previous() {
        ReporterCipher before = new ReporterCipher(OTHER_KEY, "");
        String sealedBefore = before.encrypt("张三", "lead-1");
        ReporterCipher after = new ReporterCipher(KEY, OTHER_KEY);

        assertThat(after.currentKeyId()).isNotEqualTo(before.currentKeyId()).hasSize(16);
        assertThat(after.decrypt(sealedBefore, "lead-1")).isEqualTo("张三");
        assertThat(after.sealedWithCurrentKey(sealedBefore)).as("to be re-sealed").isFalse();
        assertThat(after.sealedWithCurrentKey(after.encrypt("张三", "lead-1"))).isTrue();
        assertThatThrownBy(() -> new ReporterCipher(KEY, "").decrypt(sealedBefore, "lead-1"))
                .as("once the previous key is retired").hasMessageContaining(before.currentKeyId())
                .hasMessageNotContaining("张三");
    }

    @Test
    void ciphertexts_from_before_key_ids_are_read_with_whichever_configured_key_sealed_them() throws Exception {
        // v1: nonce and sealed bytes without a key id, as the first release stored them
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] nonce = new byte[12];
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(OTHER_KEY), "AES"),
                new GCMParameterSpec(128, nonce));
        aes.updateAAD("lead-1".getBytes(StandardCharsets.UTF_8));
        byte[] sealed = aes.doFinal("张三".getBytes(StandardCharsets.UTF_8));
        byte[] all = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        String v1 = "v1:" + Base64.getEncoder().encodeToString(all);

        assertThat(new ReporterCipher(KEY, OTHER_KEY).decrypt(v1, "lead-1")).isEqualTo("张三");
        assertThat(new ReporterCipher(KEY, OTHER_KEY).sealedWithCurrentKey(v1)).isFalse();
        assertThatThrownBy(() -> new ReporterCipher(KEY, "").decrypt(v1, "lead-1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_service_does_not_start_without_a_proper_key() {
        assertThatThrownBy(() -> new ReporterCipher("", "")).hasMessageContaining("DISCIPLINE_REPORTER_KEY");
        assertThatThrownBy(() -> new ReporterCipher("not base64!", "")).hasMessageContaining("base64");
        assertThatThrownBy(() -> new ReporterCipher(Base64.getEncoder().encodeToString(new byte[7]), "")).hasMessageContaining("bytes");
        assertThatThrownBy(() -> new ReporterCipher(KEY, "not base64!")).hasMessageContaining("previous-keys");
    }

    @Test
    void receipt_codes_are_random_and_stored_only_as_a_hash_that_ignores_dashes_and_case() {
        String code = ReceiptCodes.generate();
        assertThat(code).matches("[A-Z2-9]{4}(-[A-Z2-9]{4}){4}").isNotEqualTo(ReceiptCodes.generate());
        assertThat(ReceiptCodes.hash(code)).hasSize(64).doesNotContain(code)
                .isEqualTo(ReceiptCodes.hash(code.toLowerCase().replace("-", " ")));
    }
}
