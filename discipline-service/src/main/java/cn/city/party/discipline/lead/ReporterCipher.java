package cn.city.party.discipline.lead;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Encrypts a named reporter's identity at rest with AES-GCM. The key comes from configuration
 * ({@code DISCIPLINE_REPORTER_KEY}, base64 of 16, 24 or 32 bytes), never from the code or the database; without one
 * the service does not start. Each ciphertext has a fresh 96-bit nonce, is bound to its lead id (associated data), so
 * a ciphertext copied onto another lead does not decrypt, and names the key that sealed it by a key id (a truncated
 * hash of the key, which says nothing about it). To rotate, the new key becomes the key and the old one goes to
 * {@code DISCIPLINE_REPORTER_PREVIOUS_KEYS} until {@link ReporterKeyRotation} has re-sealed every lead.
 */
@Component
public class ReporterCipher {

    /** Ciphertexts before key ids (sealed with the one key there was): {@code v1:<nonce+sealed>}. */
    private static final String V1 = "v1:";
    /** {@code v2:<key id>:<nonce+sealed>} */
    private static final String V2 = "v2:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    /** Every key that may have sealed a stored ciphertext, by key id, the current one first. */
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public ReporterCipher(@Value("${discipline.reporter-key:}") String base64Key,
                          @Value("${discipline.reporter-previous-keys:}") String previousBase64Keys) {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException("discipline.reporter-key (DISCIPLINE_REPORTER_KEY) must be set");
        }
        SecretKey current = key("discipline.reporter-key", base64Key);
        this.currentKeyId = keyId(current);
        keys.put(currentKeyId, current);
        if (previousBase64Keys != null) {
            Arrays.stream(previousBase64Keys.split(",")).map(String::trim).filter(k -> !k.isEmpty())
                    .map(k -> key("discipline.reporter-previous-keys", k))
                    .forEach(k -> keys.putIfAbsent(keyId(k), k));
        }
    }

    public String encrypt(String plaintext, String leadId) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(leadId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return V2 + currentKeyId + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("reporter identity could not be encrypted", e);
        }
    }

    public String decrypt(String stored, String leadId) {
        if (stored != null && stored.startsWith(V2)) {
            int colon = stored.indexOf(':', V2.length());
            String keyId = colon < 0 ? "" : stored.substring(V2.length(), colon);
            SecretKey key = keys.get(keyId);
            if (key == null) {
                throw new IllegalStateException("reporter identity sealed with key " + keyId
                        + ", which is neither DISCIPLINE_REPORTER_KEY nor one of DISCIPLINE_REPORTER_PREVIOUS_KEYS");
            }
            return open(key, stored.substring(colon + 1), leadId);
        }
        if (stored != null && stored.startsWith(V1)) {
            for (SecretKey key : keys.values()) {
                try {
                    return open(key, stored.substring(V1.length()), leadId);
                } catch (IllegalStateException notThisKey) {
                    // try the next configured key
                }
            }
            throw new IllegalStateException("reporter identity could not be decrypted");
        }
        throw new IllegalStateException("not a reporter ciphertext");
    }

    /** Whether {@code stored} is sealed with the current key (else {@link ReporterKeyRotation} re-seals it). */
    public boolean sealedWithCurrentKey(String stored) {
        return stored != null && stored.startsWith(V2 + currentKeyId + ":");
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    private static String open(SecretKey key, String base64, String leadId) {
        byte[] all = Base64.getDecoder().decode(base64);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(leadId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // wrong key, or the ciphertext was altered or moved to another lead; say nothing about the content
            throw new IllegalStateException("reporter identity could not be decrypted", e);
        }
    }

    private static SecretKey key(String property, String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(property + " must be base64", e);
        }
        if (raw.length != 16 && raw.length != 24 && raw.length != 32) {
            throw new IllegalStateException(property + " must be 16, 24 or 32 bytes");
        }
        return new SecretKeySpec(raw, "AES");
    }

    /** The first 8 bytes of SHA-256 over a label and the key, in hex: names the key, reveals nothing of it. */
    private static String keyId(SecretKey key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("party-platform reporter key id".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(Arrays.copyOf(digest.digest(key.getEncoded()), 8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
