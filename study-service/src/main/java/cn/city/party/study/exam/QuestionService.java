package cn.city.party.study.exam;

import cn.city.party.common.security.Caller;
import cn.city.party.common.security.Role;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.study.material.Category;
import cn.city.party.study.roster.Roster;
import cn.city.party.study.roster.RosterMember;
import cn.city.party.study.support.Reach;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * 题库: the work committee keeps the city bank, each department its own; a department's exams draw from its own bank
 * and the city's.
 */
@Service
public class QuestionService {

    private final ScopedMongo store;
    private final MongoTemplate mongo;
    private final Roster roster;
    private final Clock clock;

    public QuestionService(ScopedMongo store, MongoTemplate mongo, Roster roster, Clock clock) {
        this.store = store;
        this.mongo = mongo;
        this.roster = roster;
        this.clock = clock;
    }

    public Question create(Caller caller, Question.Type type, Category category, Question.Difficulty difficulty,
                           String stem, List<Question.Option> options, Set<String> correct) {
        String department = caller.has(Role.WORK_COMMITTEE_ADMIN) ? Reach.CITY : caller.department();
        return store.insert(new Question(UUID.randomUUID().toString(), department, type, category, difficulty, stem,
                options, correct, clock.instant()));
    }

    /** The questions the caller manages or may use: all for the work committee, else its department's and the city's. */
    public List<Question> list(Caller caller, Category category) {
        Criteria criteria = caller.has(Role.WORK_COMMITTEE_ADMIN) ? new Criteria()
                : Criteria.where("department").in(Reach.CITY, caller.department());
        if (category != null) {
            criteria = new Criteria().andOperator(criteria, Criteria.where("category").is(category));
        }
        return mongo.find(Query.query(criteria).with(Sort.by("createdAt")), Question.class);
    }

    /** Which of the listed questions show their answer key to {@code caller} ({@link AnswerKeys}). */
    public Predicate<Question> keysShownTo(Caller caller) {
        List<Exam> examsAhead = roster.memberOf(caller).filter(RosterMember::active)
                .map(member -> mongo.find(Query.query(Criteria.where("closesAt").gt(clock.instant())), Exam.class)
                        .stream().filter(exam -> exam.reach().reaches(member)).toList())
                .orElse(List.of());
        return question -> AnswerKeys.shown(caller, question, examsAhead);
    }

    /** The bank an exam of {@code department} may use. */
    public List<Question> bankFor(String department) {
        return mongo.find(Query.query(Criteria.where("department").in(Reach.CITY, department)), Question.class);
    }
}
