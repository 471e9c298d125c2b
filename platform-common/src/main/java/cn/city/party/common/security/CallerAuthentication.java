package cn.city.party.common.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;

/** A verified bearer token together with the {@link Caller} read from it. */
public class CallerAuthentication extends JwtAuthenticationToken {

    private final Caller caller;

    public CallerAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, Caller caller) {
        super(jwt, authorities, caller.username());
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
