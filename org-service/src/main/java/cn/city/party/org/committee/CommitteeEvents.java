package cn.city.party.org.committee;

import cn.city.party.common.events.EventType;

import java.util.List;

/** Events about committees, on topic {@code party.org.committee}. */
public final class CommitteeEvents {

    public static final String TOPIC = "party.org.committee";
    /** 换届选举: a new term of a committee began. */
    public static final EventType ELECTED = new EventType(TOPIC + ".elected", 1, TOPIC);

    private CommitteeEvents() {
    }

    public record ElectedData(String organizationId, String department, String termStart, String termEnd,
                              List<PostData> posts) {

        static ElectedData of(Committee c) {
            Term t = c.current();
            return new ElectedData(c.organizationId(), c.department(), t.termStart().toString(), t.termEnd().toString(),
                    t.posts().stream().map(s -> new PostData(s.post().name(), s.memberId(), s.name())).toList());
        }
    }

    public record PostData(String post, String memberId, String name) {
    }
}
