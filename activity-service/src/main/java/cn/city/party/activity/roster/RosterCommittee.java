package cn.city.party.activity.roster;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.LocalDate;
import java.util.List;

/** The elected committee of an organization (its secretary, deputies, members), from {@code party.org.committee.elected.v1}. */
@Document("roster_committees")
public record RosterCommittee(@Id String organizationId, String department, LocalDate termStart, LocalDate termEnd,
                              List<Post> posts) {

    public record Post(String post, String memberId, String name) {
    }

    public List<String> memberIds() {
        return posts == null ? List.of() : posts.stream().map(Post::memberId).distinct().toList();
    }

    public java.util.Optional<String> secretaryId() {
        return posts == null ? java.util.Optional.empty()
                : posts.stream().filter(p -> "SECRETARY".equals(p.post())).map(Post::memberId).findFirst();
    }
}
