package cn.city.party.study.roster;

import java.time.LocalDate;
import java.util.List;

/**
 * The org-service events this service consumes, as documented in docs/events.md (consumer copies of the schemas
 * are in the test resources). Unknown fields are ignored: adding an optional field is not a breaking change.
 */
public final class RosterEvents {

    public static final String MEMBER_TOPIC = "party.org.member";
    public static final String ORGANIZATION_TOPIC = "party.org.organization";
    public static final String COMMITTEE_TOPIC = "party.org.committee";

    public static final String COMMITTEE_ELECTED = "party.org.committee.elected.v1";

    private RosterEvents() {
    }

    public record MemberData(String memberId, String department, String branchId, String partyGroupId, String name,
                             String status, LocalDate joinedOn, boolean leadingCadre, String accountSubject) {
    }

    public record OrganizationData(String id, String department, String type, String name, String parentId,
                                   List<String> ancestors, String status) {
    }

    public record CommitteeData(String organizationId, String department, List<Post> posts) {

        /** The member elected 书记, or null when the committee has none. */
        public String secretaryId() {
            return posts == null ? null : posts.stream().filter(p -> "SECRETARY".equals(p.post()))
                    .map(Post::memberId).findFirst().orElse(null);
        }
    }

    public record Post(String post, String memberId) {
    }
}
