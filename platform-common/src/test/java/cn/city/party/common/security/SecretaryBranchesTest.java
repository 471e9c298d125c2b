package cn.city.party.common.security;

import cn.city.party.common.error.DomainProblem;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A secretary acts for the branches its token names, as elected; the role alone serves none. */
class SecretaryBranchesTest {

    private static Caller fromToken(List<String> roles, List<String> branches) {
        Jwt.Builder jwt = Jwt.withTokenValue("t").header("alg", "RS256").subject("u1").claim("azp", "gateway")
                .claim("department", "caizheng").claim("roles", roles)
                .issuedAt(Instant.parse("2026-11-30T08:00:00Z")).expiresAt(Instant.parse("2026-11-30T08:05:00Z"));
        if (branches != null) {
            jwt.claim("branches", branches);
        }
        return ((CallerAuthentication) new CallerTokenConverter().convert(jwt.build())).caller();
    }

    @Test
    void the_branches_claim_of_the_token_is_what_a_secretary_serves() {
        Caller secretary = fromToken(List.of("BRANCH_SECRETARY", "MEMBER"), List.of("caizheng-branch-1", "caizheng-branch-3"));

        assertThat(SecretaryBranches.of(secretary)).containsExactlyInAnyOrder("caizheng-branch-1", "caizheng-branch-3");
        assertThat(SecretaryBranches.serves(secretary, "caizheng-branch-3")).isTrue();
        assertThat(SecretaryBranches.serves(secretary, "caizheng-branch-2")).isFalse();
        assertThat(SecretaryBranches.require(secretary, "caizheng-branch-3")).isEqualTo("caizheng-branch-3");
    }

    @Test
    void a_secretary_of_one_branch_writes_it_without_naming_it_and_no_other() {
        Caller secretary = fromToken(List.of("BRANCH_SECRETARY"), List.of("caizheng-branch-1"));

        assertThat(SecretaryBranches.require(secretary, null)).isEqualTo("caizheng-branch-1");
        assertThatThrownBy(() -> SecretaryBranches.require(secretary, "caizheng-branch-2"))
                .isInstanceOfSatisfying(DomainProblem.class, p -> {
                    assertThat(p.status().value()).isEqualTo(403);
                    assertThat(p.code()).isEqualTo("access.otherBranch");
                });
    }

    @Test
    void a_secretary_of_several_branches_must_name_one() {
        Caller secretary = fromToken(List.of("BRANCH_SECRETARY"), List.of("caizheng-branch-1", "caizheng-branch-3"));

        assertThatThrownBy(() -> SecretaryBranches.require(secretary, null))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.code()).isEqualTo("access.branchRequired"));
    }

    @Test
    void the_role_without_the_claim_or_the_claim_without_the_role_serves_no_branch() {
        Caller roleOnly = fromToken(List.of("BRANCH_SECRETARY"), null);
        Caller claimOnly = fromToken(List.of("MEMBER"), List.of("caizheng-branch-1"));

        assertThat(SecretaryBranches.of(roleOnly)).isEmpty();
        assertThat(SecretaryBranches.of(claimOnly)).isEmpty();
        assertThat(claimOnly.branches()).isEqualTo(Set.of("caizheng-branch-1"));
        assertThatThrownBy(() -> SecretaryBranches.require(roleOnly, "caizheng-branch-1"))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.code()).isEqualTo("access.servesNoBranch"));
        assertThatThrownBy(() -> SecretaryBranches.require(claimOnly, "caizheng-branch-1"))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.code()).isEqualTo("access.servesNoBranch"));
    }
}
