package cn.city.party.activity.assessment;

import cn.city.party.activity.period.Period;
import cn.city.party.common.error.Problems;
import cn.city.party.common.events.EventType;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.time.PlatformCalendar;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Closing a year's assessment, and the guard every write of a record passes: its year must be open. */
@Service
public class AssessmentYears {

    public static final String TOPIC = "party.activity.assessment";
    public static final EventType CLOSED = new EventType(TOPIC + ".closed", 1, TOPIC);

    private final MongoTemplate mongo;
    private final EventFactory events;
    private final Clock clock;
    private final PlatformCalendar calendar;

    public AssessmentYears(MongoTemplate mongo, EventFactory events, Clock clock, PlatformCalendar calendar) {
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
        this.calendar = calendar;
    }

    public record ClosedData(int year, String closedBy, Instant closedAt) {
    }

    /** The work committee closes {@code year} (not a year still to come); once only. */
    public ClosedData close(int year) {
        Instant now = clock.instant();
        if (year > calendar.today().getYear()) {
            throw Problems.rule("year", "year.notYetBegun", String.valueOf(year));
        }
        AssessmentYear closed = new AssessmentYear(year, CurrentCaller.get().username(), now);
        ClosedData data = new ClosedData(year, closed.closedBy(), now);
        closed.raise(events.create(CLOSED, String.valueOf(year), null, data));
        try {
            mongo.insert(closed);
        } catch (DuplicateKeyException already) {
            throw Problems.conflict("year.closed", String.valueOf(year));
        }
        return data;
    }

    public Optional<ClosedData> closed(int year) {
        return Optional.ofNullable(mongo.findById(String.valueOf(year), AssessmentYear.class))
                .map(y -> new ClosedData(y.year(), y.closedBy(), y.closedAt()));
    }

    public boolean isClosed(Instant sitting) {
        return closed(sitting.atZone(Period.ZONE).getYear()).isPresent();
    }

    /** Refuses a write to a record of a closed year (409, naming the year). */
    public void requireOpen(Instant sitting) {
        int year = sitting.atZone(Period.ZONE).getYear();
        if (closed(year).isPresent()) {
            throw Problems.conflict("year.closed", String.valueOf(year));
        }
    }
}
