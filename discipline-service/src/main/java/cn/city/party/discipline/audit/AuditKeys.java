package cn.city.party.discipline.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of the audit chain's HMAC, held outside the database (environment, from a Secret; the local runner
 * generates one beside its data): whoever can write the database but not read the key cannot re-seal a changed
 * entry. Each entry names its key by id (the first 16 hex digits of the key's SHA-256), so after a key change the
 * chain written before stays verifiable with the previous keys.
 */
@Component
public class AuditKeys {

    /** One HMAC-SHA256 key and its id. */
    public record Key(String id, byte[] secret) {

        public static Key of(String base64) {
            byte[] secret = Base64.getDecoder().decode(base64.trim());
            if (secret.length < 32) {
                throw new IllegalStateException("DISCIPLINE_AUDIT_KEY: an HMAC key of at least 32 bytes (base64) is required");
            }
            try {
                String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret)).substring(0, 16);
                return new Key(id, secret);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        public String mac(String canonical) {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final Key current;
    private final Map<String, Key> all = new LinkedHashMap<>();

    public AuditKeys(@Value("${discipline.audit.key:}") String key,
                     @Value("${discipline.audit.previous-keys:}") String previousKeys) {
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("DISCIPLINE_AUDIT_KEY (discipline.audit.key) must be set: the audit chain's HMAC key");
        }
        current = Key.of(key);
        all.put(current.id(), current);
        Arrays.stream(previousKeys.split(",")).filter(k -> !k.isBlank()).map(Key::of).forEach(k -> all.putIfAbsent(k.id(), k));
    }

    /** The key new entries are sealed with. */
    public Key current() {
        return current;
    }

    /** The key an entry names, if this installation still holds it. */
    public Optional<Key> byId(String id) {
        return Optional.ofNullable(id).map(all::get);
    }
}
