package cn.city.party.infra.local;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The key pair with which a confidential client (org-service) authenticates to Keycloak by signed JWT
 * ({@code private_key_jwt}): the private key stays with the service, Keycloak knows only the public half (as a JWKS
 * in the client's attributes). The local platform generates it on first start and keeps it beside its data, like
 * the reporter key; a deployment generates its own ({@code java -cp infra.jar ... ClientKey <file>} prints both).
 * The key id is the RFC 7638 thumbprint, which the service computes the same way from its private key.
 */
public final class ClientKey {

    private final RSAPrivateCrtKey key;

    private ClientKey(RSAPrivateCrtKey key) {
        this.key = key;
    }

    /** The key kept in {@code file}, generated (RSA 2048, readable by the owner only) when the file is missing. */
    public static ClientKey inFile(Path file) {
        String body = LocalSecret.inFile(file, ClientKey::generate).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return new ClientKey((RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("client key " + file, e);
        }
    }

    private static String generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return pem(generator.generateKeyPair().getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The private key as PKCS#8 PEM, for the service's environment ({@code ORG_KEYCLOAK_CLIENT_KEY}). */
    public String privateKeyPem() {
        return pem(key.getEncoded());
    }

    /**
     * The public key as a JWK Set for the client's {@code jwks.string} attribute, escaped as the content of a JSON
     * string ({@code ORG_SERVICE_CLIENT_JWKS}): Keycloak replaces the realm file's placeholders in its text, before
     * parsing it, so the set's quotes must arrive escaped.
     */
    public String publicJwksForImport() {
        return publicJwks().replace("\"", "\\\"");
    }

    /** The public key as a JWK Set. */
    public String publicJwks() {
        return "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + keyId() + "\",\"n\":\""
                + n() + "\",\"e\":\"" + e() + "\"}]}";
    }

    /** RFC 7638: SHA-256 over the required members in lexicographic order, base64url without padding. */
    public String keyId() {
        String canonical = "{\"e\":\"" + e() + "\",\"kty\":\"RSA\",\"n\":\"" + n() + "\"}";
        try {
            return b64(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private String n() {
        return b64(unsigned(key.getModulus()));
    }

    private String e() {
        return b64(unsigned(key.getPublicExponent()));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String pem(byte[] pkcs8) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
    }

    /** For a deployment: creates the key file if missing and prints what goes into the two Secrets. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: ClientKey <private key file>");
            System.exit(2);
        }
        ClientKey key = inFile(Path.of(args[0]));
        System.out.println("ORG_SERVICE_CLIENT_JWKS (Keycloak)=" + key.publicJwksForImport());
        System.out.println("ORG_KEYCLOAK_CLIENT_KEY (org-service)= the file " + args[0]);
    }
}
