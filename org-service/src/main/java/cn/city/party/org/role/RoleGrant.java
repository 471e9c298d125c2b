package cn.city.party.org.role;

import cn.city.party.common.security.Role;
import cn.city.party.common.tenancy.DepartmentOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One grant or withdrawal of a platform role, as recorded for the work committee (who, what, when, why). Append-only.
 * The work committee's own decisions are recorded once Keycloak applied them; the roles that follow elections are
 * recorded before they are applied ({@code applied} false) under an id fixed by the change, so a retry neither
 * loses nor doubles one.
 *
 * @param scope     the branch a secretary serves, or an inspector's jurisdiction ({@code department}/{@code city})
 * @param cause     {@link Cause}
 * @param by        the user name of the work-committee member, or {@code system} for what follows the posts
 */
@Document("role_grants")
@CompoundIndex(name = "department_at", def = "{'department': 1, 'at': -1}")
public record RoleGrant(@Id String id, String department, String memberId, String memberName, String accountSubject,
                        Role role, String scope, Action action, Cause cause, String reason, String by, Instant at,
                        boolean applied) implements DepartmentOwned {

    public enum Action { GRANTED, WITHDRAWN }

    /** Why: the work committee's decision, or a change of who holds the posts of a branch. */
    public enum Cause { WORK_COMMITTEE, ELECTION, REMOVAL_FROM_POSTS, POSTS_RESTORED, ACCOUNT_PROVISIONED }
}
