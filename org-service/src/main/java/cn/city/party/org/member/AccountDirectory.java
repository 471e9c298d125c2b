package cn.city.party.org.member;

import java.util.Optional;

/**
 * Where a login account's department is read (Keycloak's {@code department} user attribute, the token's
 * {@code department} claim), so that a member is linked only to an account of its own department.
 */
public interface AccountDirectory {

    /** The department of the account with this token subject; empty when no such account exists. */
    Optional<String> departmentOf(String subject);
}
