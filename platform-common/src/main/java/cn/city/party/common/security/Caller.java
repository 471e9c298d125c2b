package cn.city.party.common.security;

import java.util.Set;

/**
 * Who is calling, as the verified access token says.
 *
 * @param subject        the Keycloak user id (token {@code sub}); members are linked to it
 * @param username       the login name, for audit records
 * @param department     the caller's department code (token claim {@code department}), the tenant
 * @param roles          the platform roles from the token's {@code roles} claim
 * @param cityJurisdiction true when the token's {@code jurisdiction} claim is {@code city} (city-scope inspectors,
 *                       the work committee)
 * @param client         the client the token was issued to ({@code azp}); {@link #SYSTEM_CLIENT} for the platform's
 *                       own jobs and consumers, which no token can name (the services accept only the clients they list)
 * @param branches       the branches the caller serves as secretary (token claim {@code branches}, from the elections
 *                       org-service recorded); read through {@link SecretaryBranches} only
 */
public record Caller(String subject, String username, String department, Set<Role> roles, boolean cityJurisdiction,
                     String client, Set<String> branches) {

    /** The client of in-process callers (jobs, event consumers); never an accepted {@code azp}. */
    public static final String SYSTEM_CLIENT = "platform-system";

    public Caller {
        roles = Set.copyOf(roles);
        branches = branches == null ? Set.of() : Set.copyOf(branches);
    }

    /** A caller serving no branch as secretary. */
    public Caller(String subject, String username, String department, Set<Role> roles, boolean cityJurisdiction,
                  String client) {
        this(subject, username, department, roles, cityJurisdiction, client, Set.of());
    }

    /** A user caller whose client does not matter (domain rules and their tests). */
    public Caller(String subject, String username, String department, Set<Role> roles, boolean cityJurisdiction) {
        this(subject, username, department, roles, cityJurisdiction, null, Set.of());
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role role : any) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** A caller for scheduled jobs and event consumers: no department limit, no user. */
    public static Caller system(String name) {
        return new Caller("system:" + name, name, null, Set.of(), true, SYSTEM_CLIENT);
    }

    /** By the client, never by what a token may say about its subject. */
    public boolean isSystem() {
        return SYSTEM_CLIENT.equals(client);
    }
}
