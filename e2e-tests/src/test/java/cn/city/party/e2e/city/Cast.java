package cn.city.party.e2e.city;

import cn.city.party.common.test.Tokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The generated city's people who sign in: each department's administrator and inspector, every branch's secretary
 * and a few members per department, with the passwords they chose at their first sign-in. The generator writes the
 * file, the weekday load reads it. It lives under the local runner's state directory ({@code .platform/}, never
 * committed): these are development values of a local city, like the demo accounts' {@code demo-pass}.
 */
public final class Cast {

    /** WORK_COMMITTEE: the demo work-committee account, which the cast file does not hold. */
    public enum Role { DEPT_ADMIN, INSPECTOR, SECRETARY, MEMBER, WORK_COMMITTEE }

    /** One account: its role in the load, department, branch (a secretary's or member's), member id and password. */
    public record Account(Role role, String department, String branchId, String memberId, String username, String password) {

        String line() {
            return String.join("\t", role.name(), department, branchId == null ? "" : branchId, memberId, username, password);
        }

        static Account of(String line) {
            String[] f = line.split("\t", -1);
            return new Account(Role.valueOf(f[0]), f[1], f[2].isEmpty() ? null : f[2], f[3], f[4], f[5]);
        }
    }

    private Cast() {
    }

    public static void append(Path file, List<Account> accounts) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            StringBuilder text = new StringBuilder();
            accounts.forEach(a -> text.append(a.line()).append('\n'));
            synchronized (Cast.class) {
                Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Account> read(Path file) {
        try {
            List<Account> all = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    all.add(Account.of(line));
                }
            }
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException("no cast file " + file + ": generate the city first (CityGenerator)", e);
        }
    }

    /** Tokens by Keycloak's password grant with each account's own password, kept until a minute before they expire. */
    public static final class Sessions {

        private record Held(String token, Instant expires) {
        }

        private final String keycloak;
        private final Map<String, String> passwords = new ConcurrentHashMap<>();
        private final Map<String, Held> held = new ConcurrentHashMap<>();

        public Sessions(String keycloak) {
            this.keycloak = keycloak;
        }

        public void password(String username, String password) {
            passwords.put(username, password);
            held.remove(username);
        }

        public String of(String username) {
            Held h = held.get(username);
            if (h != null && Instant.now().isBefore(h.expires())) {
                return h.token();
            }
            String password = passwords.getOrDefault(username, Tokens.DEMO_PASSWORD);
            var response = Tokens.request(keycloak, Tokens.CLI_CLIENT, username, password);
            Held fresh = new Held(response.path("access_token").asString(),
                    Instant.now().plusSeconds(Math.max(30, response.path("expires_in").asLong() - 60)));
            held.put(username, fresh);
            return fresh.token();
        }

        /** Forgets the token so the next call asks for a new one (its claims changed, e.g. after an election). */
        public void forget(String username) {
            held.remove(username);
        }
    }
}
