package cn.city.party.infra.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

/**
 * A secret of one local installation (or one test run): generated on first use, kept in a file beside its data
 * (outside any database), readable by its owner only. Deployments take the same values from their Secrets.
 */
public final class LocalSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalSecret() {
    }

    /** The file's content, written from {@code generate} first if the file does not exist. */
    public static String inFile(Path file, Supplier<String> generate) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, generate.get());
                file.toFile().setReadable(false, false);
                file.toFile().setReadable(true, true);
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new IllegalStateException("local secret " + file, e);
        }
    }

    /** {@code bytes} random bytes, base64: a key or a client secret. */
    public static Supplier<String> randomBytes(int bytes) {
        return () -> {
            byte[] key = new byte[bytes];
            RANDOM.nextBytes(key);
            return Base64.getEncoder().encodeToString(key);
        };
    }
}
