package cn.city.party.gateway.session;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a browser may be sent back to after signing in: only a path of this site. Anything else (another host,
 * a scheme, a protocol-relative {@code //host}, a backslash that browsers read as a slash, control characters) is
 * replaced by the home page, so a crafted sign-in link cannot carry a user off the platform.
 */
public final class ReturnPath {

    public static final String HOME = "/";
    static final int MAX_LENGTH = 2000;

    private ReturnPath() {
    }

    public static String orHome(String next) {
        return isLocal(next) ? next : HOME;
    }

    static boolean isLocal(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_LENGTH || !next.startsWith("/") || next.startsWith("//")
                || next.indexOf('\\') >= 0 || next.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return false;
        }
        try {
            URI uri = new URI(next);
            return uri.getScheme() == null && uri.getRawAuthority() == null && uri.getRawPath() != null
                    && uri.getRawPath().startsWith("/") && !uri.getRawPath().startsWith("//");
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
