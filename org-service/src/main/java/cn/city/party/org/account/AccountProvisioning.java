package cn.city.party.org.account;

import cn.city.party.common.error.Problems;
import cn.city.party.org.member.Member;
import cn.city.party.org.member.MemberService;
import org.springframework.stereotype.Service;

import java.security.SecureRandom;

/** 开通账号: a department admin gives a member its login, linked to the member record by the token subject. */
@Service
public class AccountProvisioning {

    private static final String PASSWORD_CHARACTERS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MemberService members;
    private final KeycloakAccounts keycloak;

    public AccountProvisioning(MemberService members, KeycloakAccounts keycloak) {
        this.members = members;
        this.keycloak = keycloak;
    }

    /** The linked member and the one-time password to hand over; the password is shown once and never stored. */
    public record Provisioned(Member member, String username, String temporaryPassword) {
    }

    public Provisioned provision(String memberId, String username, String email) {
        Member member = members.get(memberId);
        if (member.accountSubject() != null) {
            throw Problems.conflict("account.alreadyLinked", member.name());
        }
        String address = email != null ? email : member.contact().email();
        if (address == null) {
            throw Problems.rule("email", "account.emailRequired");
        }
        String name = member.name();
        String password = temporaryPassword();
        String subject = keycloak.provision(new KeycloakAccounts.NewAccount(username, address,
                name.length() > 1 ? name.substring(1) : name, name.substring(0, 1), member.department(), password));
        return new Provisioned(members.linkAccount(memberId, subject), username, password);
    }

    /** 14 characters with an upper-case letter, a lower-case letter and a digit, as the realm's password policy asks. */
    private static String temporaryPassword() {
        while (true) {
            StringBuilder password = new StringBuilder();
            for (int i = 0; i < 14; i++) {
                password.append(PASSWORD_CHARACTERS.charAt(RANDOM.nextInt(PASSWORD_CHARACTERS.length())));
            }
            String p = password.toString();
            if (p.chars().anyMatch(Character::isUpperCase) && p.chars().anyMatch(Character::isLowerCase)
                    && p.chars().anyMatch(Character::isDigit)) {
                return p;
            }
        }
    }
}
