package cn.city.party.common.security;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The caller of the current request; event consumers and jobs run as {@link Caller#system(String)}. */
public final class CurrentCaller {

    private CurrentCaller() {
    }

    public static Caller get() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("no authenticated caller"));
    }

    public static Optional<Caller> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication token) {
            return Optional.of(token.caller());
        }
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return Optional.of(caller);
        }
        return Optional.empty();
    }

    /** Runs {@code work} as a system caller (event consumers, scheduled jobs): no department limit applies. */
    public static <T> T runAsSystem(String name, java.util.function.Supplier<T> work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new SystemAuthentication(Caller.system(name)));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static final class SystemAuthentication extends org.springframework.security.authentication.AbstractAuthenticationToken {
        private final Caller caller;

        SystemAuthentication(Caller caller) {
            super(java.util.List.of());
            this.caller = caller;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return caller;
        }
    }
}
