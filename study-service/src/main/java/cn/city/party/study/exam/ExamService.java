package cn.city.party.study.exam;

import cn.city.party.common.error.Problems;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.Role;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.study.material.Category;
import cn.city.party.study.points.Points;
import cn.city.party.study.roster.Roster;
import cn.city.party.study.roster.RosterMember;
import cn.city.party.study.support.ContentVisibility;
import cn.city.party.study.support.Publisher;
import cn.city.party.study.support.Reach;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

@Service
public class ExamService {

    static final String EXAM = "entity.exam";
    static final String ATTEMPT = "entity.attempt";

    private final ScopedMongo store;
    private final MongoTemplate mongo;
    private final QuestionService questions;
    private final ContentVisibility visibility;
    private final Publisher publisher;
    private final Roster roster;
    private final Points points;
    private final EventFactory events;
    private final Clock clock;

    public ExamService(ScopedMongo store, MongoTemplate mongo, QuestionService questions, ContentVisibility visibility,
                       Publisher publisher, Roster roster, Points points, EventFactory events,
                       Clock clock) {
        this.points = points;
        this.store = store;
        this.mongo = mongo;
        this.questions = questions;
        this.visibility = visibility;
        this.publisher = publisher;
        this.roster = roster;
        this.events = events;
        this.clock = clock;
    }

    public record Setup(String title, Exam.Mode mode, List<String> questionIds, List<PaperDrawer.Draw> draws, Long seed,
                        int timeLimitMinutes, BigDecimal passMark, int attemptLimit, Scoring scoring,
                        Instant opensAt, Instant closesAt) {
    }

    public Exam create(Caller caller, Reach requested, Setup s) {
        Reach reach = publisher.resolve(caller, requested.department(), requested.branchId(), requested.audience());
        Exam exam = new Exam(UUID.randomUUID().toString(), reach, s.title(), s.mode(), s.questionIds(), s.draws(),
                s.seed() == null ? new java.security.SecureRandom().nextLong() : s.seed(), s.timeLimitMinutes(),
                s.passMark(), s.attemptLimit(), s.scoring(), s.opensAt(), s.closesAt(), clock.instant());
        drawPaper(exam, exam.seed()); // refuses a paper the bank cannot fill, before anyone starts
        return store.insert(exam);
    }

    public Exam get(Caller caller, String id) {
        Exam exam = mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                visibility.criteria(caller, Exam.PUBLISHED))), Exam.class);
        if (exam == null) {
            throw Problems.notFound(EXAM, id);
        }
        return exam;
    }

    public List<Exam> list(Caller caller) {
        return mongo.find(Query.query(visibility.criteria(caller, Exam.PUBLISHED)).with(Sort.by(Sort.Direction.DESC, "opensAt")),
                Exam.class);
    }

    /**
     * Starts the caller's next attempt: the exam must be open, reach the member, and the member must have attempts
     * left. The unique (exam, member, number) index makes two simultaneous starts count as two attempts, never more
     * than the limit.
     */
    public Attempt start(Caller caller, String examId) {
        RosterMember member = roster.requireMember(caller);
        Exam exam = get(caller, examId);
        Instant now = clock.instant();
        if (!exam.reach().reaches(member)) {
            throw Problems.forbidden("exam.notForYou");
        }
        if (!exam.open(now)) {
            throw Problems.conflict("exam.notOpen", exam.opensAt(), exam.closesAt());
        }
        long used = mongo.count(Query.query(Criteria.where("examId").is(examId).and("memberId").is(member.id())), Attempt.class);
        if (used >= exam.attemptLimit()) {
            throw Problems.conflict("exam.noAttemptsLeft", exam.attemptLimit());
        }
        int number = (int) used + 1;
        String attemptId = UUID.randomUUID().toString();
        long seed = Objects.hash(exam.seed(), member.id(), number);
        Attempt attempt = new Attempt(attemptId, member.department(), member.branchId(), exam.id(), member.id(), number,
                now, exam.deadlineFor(now), drawPaper(exam, seed));
        try {
            return store.insert(attempt);
        } catch (DuplicateKeyException raced) {
            throw Problems.conflict("exam.noAttemptsLeft", exam.attemptLimit());
        }
    }

    private List<Attempt.PaperQuestion> drawPaper(Exam exam, long seed) {
        Map<String, Question> bank = questions.bankFor(Reach.cityWide(exam.department()) ? Reach.CITY : exam.department())
                .stream().collect(Collectors.toMap(Question::id, Function.identity()));
        List<String> ids;
        if (exam.mode() == Exam.Mode.FIXED) {
            for (String id : exam.questionIds()) {
                if (!bank.containsKey(id)) {
                    throw Problems.invalid("questionIds", "exam.unknownQuestion", id);
                }
            }
            ids = exam.questionIds();
        } else {
            Map<Category, List<String>> byCategory = bank.values().stream().collect(Collectors.groupingBy(Question::category,
                    Collectors.mapping(Question::id, Collectors.toList())));
            ids = PaperDrawer.draw(exam.draws(), byCategory, seed);
        }
        List<Attempt.PaperQuestion> paper = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Question q = bank.get(ids.get(i));
            paper.add(new Attempt.PaperQuestion(q.id(), q.type(), q.stem(), PaperDrawer.shuffled(q.options(), seed + i),
                    q.correct()));
        }
        return paper;
    }

    /** The caller's own attempt; someone else's (even in the same department) is refused. */
    public Attempt own(Caller caller, String attemptId) {
        Attempt attempt = store.getById(attemptId, Attempt.class, ATTEMPT);
        String memberId = roster.memberOf(caller).map(RosterMember::id).orElse(null);
        if (!attempt.memberId().equals(memberId)) {
            throw Problems.forbidden("attempt.notYours");
        }
        return attempt;
    }

    public Attempt answer(Caller caller, String attemptId, String questionId, Set<String> optionIds) {
        Attempt attempt = own(caller, attemptId);
        attempt.answer(questionId, optionIds, clock.instant());
        return store.save(attempt);
    }

    /**
     * Submits with the final answers (all validated before anything is stored), grades on the server and announces
     * the result. Answers that arrive after the deadline are refused; a submission without answers after the
     * deadline grades what was saved in time.
     */
    public Attempt submit(Caller caller, String attemptId, Map<String, Set<String>> finalAnswers) {
        Attempt attempt = own(caller, attemptId);
        Instant now = clock.instant();
        if (finalAnswers != null && !finalAnswers.isEmpty()) {
            attempt.requireOpen(now);
            finalAnswers.forEach((questionId, options) -> attempt.answer(questionId, options, now));
        }
        Exam exam = mongo.findById(attempt.examId(), Exam.class);
        BigDecimal score = attempt.submit(Objects.requireNonNull(exam), now);
        attempt.raise(events.create(exam.passes(score) ? ExamEvents.PASSED : ExamEvents.FAILED, attempt.id(),
                attempt.department(), new ExamEvents.ResultData(exam.id(), attempt.id(), attempt.memberId(),
                        attempt.department(), attempt.branchId(), score, exam.passMark())));
        Attempt saved = store.save(attempt);
        if (Boolean.TRUE.equals(saved.passed())) {
            points.award(saved.memberId(), saved.department(), Points.Action.EXAM_PASSED);
        }
        return saved;
    }

    public Exam examOf(Attempt attempt) {
        return Objects.requireNonNull(mongo.findById(attempt.examId(), Exam.class));
    }

    public List<Attempt> myAttempts(Caller caller, String examId) {
        String memberId = roster.requireMember(caller).id();
        return mongo.find(Query.query(Criteria.where("examId").is(examId).and("memberId").is(memberId))
                .with(Sort.by("number")), Attempt.class);
    }

    public record Missed(String questionId, String stem, long missed, long answered) {
    }

    public record Results(String examId, String title, long attempts, long members, long membersPassed,
                          BigDecimal passRate, BigDecimal averageBestScore, List<Missed> mostMissed) {
    }

    /**
     * 考试结果 for the organizers, over the submitted attempts in the caller's scope (a department admin sees its
     * department's members, a secretary its branch): pass rate over members (best attempt counts), the average best
     * score, and the questions most often answered wrongly.
     */
    public Results results(Caller caller, String examId) {
        Exam exam = get(caller, examId);
        boolean organizer = publisher.manages(caller, exam.department(), exam.branchId())
                || (Reach.cityWide(exam.department()) && caller.has(Role.DEPT_ADMIN));
        if (!organizer) {
            throw Problems.forbidden("publish.notYourScope");
        }
        Criteria criteria = Criteria.where("examId").is(examId).and("status").is(Attempt.Status.SUBMITTED);
        if (!caller.hasAny(Role.WORK_COMMITTEE_ADMIN, Role.DEPT_ADMIN)) {
            criteria = criteria.and("branchId").is(roster.requireMember(caller).branchId());
        }
        List<Attempt> submitted = store.find(criteria, Attempt.class);
        Map<String, BigDecimal> best = new HashMap<>();
        Map<String, long[]> missed = new HashMap<>();
        Map<String, String> stems = new HashMap<>();
        for (Attempt a : submitted) {
            best.merge(a.memberId(), a.score(), BigDecimal::max);
            for (Attempt.PaperQuestion q : a.paper()) {
                long[] counts = missed.computeIfAbsent(q.questionId(), k -> new long[2]);
                counts[1]++;
                if (a.missed(q)) {
                    counts[0]++;
                }
                stems.putIfAbsent(q.questionId(), q.stem());
            }
        }
        long passedMembers = best.values().stream().filter(exam::passes).count();
        BigDecimal rate = best.isEmpty() ? BigDecimal.ZERO
                : BigDecimal.valueOf(passedMembers * 100).divide(BigDecimal.valueOf(best.size()), 1, RoundingMode.HALF_UP);
        BigDecimal average = best.isEmpty() ? BigDecimal.ZERO
                : best.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(best.size()), 1, RoundingMode.HALF_UP);
        List<Missed> mostMissed = missed.entrySet().stream().filter(e -> e.getValue()[0] > 0)
                .map(e -> new Missed(e.getKey(), stems.get(e.getKey()), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(Missed::missed).reversed().thenComparing(Missed::questionId))
                .limit(10).toList();
        return new Results(exam.id(), exam.title(), submitted.size(), best.size(), passedMembers, rate, average, mostMissed);
    }
}
