package org.convplay.classroom.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.TreeSet;
import org.convplay.account.AccountRef;
import org.convplay.account.AccountService;
import org.convplay.account.Role;
import org.convplay.classroom.domain.SubmissionRepository;
import org.convplay.exercise.service.StudentWork;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The classroom's side of {@link StudentWork}: the exercise pages' task bar and list call it without naming the classroom. */
@Service
class ClassroomStudentWork implements StudentWork {

    private final AssignmentService assignments;
    private final AccountService accounts;
    private final SubmissionRepository submissions;

    ClassroomStudentWork(AssignmentService assignments, AccountService accounts, SubmissionRepository submissions) {
        this.assignments = assignments;
        this.accounts = accounts;
        this.submissions = submissions;
    }

    @Override
    public long seed(long assignmentId, String exerciseId) {
        try {
            return assignments.seed(assignmentId, exerciseId);
        } catch (ClassroomException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public boolean solutionShown(long assignmentId, String exerciseId) {
        return assignments.solutionShown(assignmentId, exerciseId);
    }

    @Override
    public Submitted submit(long assignmentId, String exerciseId, JsonNode answer, PageState state) {
        AssignmentService.Submitted s = assignments.submit(assignmentId, exerciseId, answer.toString(), state);
        return new Submitted(s.grade(), s.result().message(), s.result().attemptsLeft(), s.experimentId(),
                s.result().solution() != null);
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> solved() {
        AccountRef me = accounts.current().orElse(null);
        if (me == null || me.role() != Role.STUDENT) {
            return Set.of();
        }
        return new TreeSet<>(submissions.solvedExerciseIds(me.id()));
    }
}
