package cn.city.party.common.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads roles ({@code roles} claim), the department ({@code department} claim) and the branches a secretary serves
 * ({@code branches} claim, multivalued) from a verified token.
 */
public class CallerTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String ROLES = "roles";
    static final String DEPARTMENT = "department";
    static final String JURISDICTION = "jurisdiction";
    static final String CITY = "city";
    static final String AZP = "azp";
    static final String BRANCHES = "branches";

    private static final Set<String> KNOWN = Arrays.stream(Role.values()).map(Enum::name).collect(Collectors.toSet());

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<String> claimed = jwt.hasClaim(ROLES) ? jwt.getClaimAsStringList(ROLES) : List.of();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        claimed.stream().filter(KNOWN::contains).map(Role::valueOf).forEach(roles::add);
        String username = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
        Caller caller = new Caller(jwt.getSubject(), username, jwt.getClaimAsString(DEPARTMENT), roles,
                CITY.equals(jwt.getClaimAsString(JURISDICTION)), jwt.getClaimAsString(AZP),
                jwt.hasClaim(BRANCHES) ? Set.copyOf(jwt.getClaimAsStringList(BRANCHES)) : Set.of());
        return new CallerAuthentication(jwt,
                roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList(), caller);
    }
}
