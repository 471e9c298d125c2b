package cn.city.party.org.committee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One term (届) of a committee: its dates and who holds which post. */
public record Term(LocalDate termStart, LocalDate termEnd, List<Seat> posts, Instant electedAt) {

    public Term withPosts(List<Seat> seats) {
        return new Term(termStart, termEnd, List.copyOf(seats), electedAt);
    }

    /** A post and its holder; the name is kept as elected, for the history. */
    public record Seat(CommitteePost post, String memberId, String name) {
    }
}
