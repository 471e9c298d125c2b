package cn.city.party.study.exam;

import cn.city.party.common.security.Caller;
import cn.city.party.common.security.Role;
import cn.city.party.study.support.Reach;

import java.util.List;

/**
 * 答案保密: who reads a question's answer key in the bank. Only the bank's keepers: the work committee for the city
 * bank, a department admin for its department's bank. Never a branch secretary or a member, who sit the exams drawn
 * from it; and not even a keeper for a question that may come up in an exam it may still sit (until that exam closes).
 */
final class AnswerKeys {

    private AnswerKeys() {
    }

    /** {@code examsAhead}: the exams not yet closed that reach the caller as a member (empty when it is none). */
    static boolean shown(Caller caller, Question question, List<Exam> examsAhead) {
        return keeper(caller, question) && examsAhead.stream().noneMatch(exam -> mayComeUp(question, exam));
    }

    static boolean keeper(Caller caller, Question question) {
        return Reach.cityWide(question.department())
                ? caller.has(Role.WORK_COMMITTEE_ADMIN)
                : caller.has(Role.DEPT_ADMIN) && question.department().equals(caller.department());
    }

    /** Whether the question is on the exam's paper, or may be drawn onto it (same bank, a drawn category). */
    static boolean mayComeUp(Question question, Exam exam) {
        boolean inBank = Reach.cityWide(question.department()) || question.department().equals(exam.department());
        if (!inBank) {
            return false;
        }
        return exam.mode() == Exam.Mode.FIXED
                ? exam.questionIds().contains(question.id())
                : exam.draws().stream().anyMatch(d -> d.category() == question.category());
    }
}
