package org.convplay.exercise.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.convplay.account.AccountRef;
import org.convplay.account.AccountService;
import org.convplay.account.Role;
import org.convplay.exercise.BrokenExerciseException;
import org.convplay.exercise.Exercise;
import org.convplay.exercise.ExerciseFileException;
import org.convplay.exercise.ExerciseReader;
import org.convplay.exercise.Variant;
import org.convplay.exercise.Variants;
import org.convplay.exercise.domain.TeacherExercise;
import org.convplay.exercise.domain.TeacherExerciseRepository;
import org.convplay.exercise.grading.FormulaGrader;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exercises teachers write: previewed, validated like the shipped files (only {@code kind: formula}),
 * stored under the key {@code t<teacher id>-<id>} and offered only to their teacher's assignments.
 */
@Service
public class TeacherExerciseService {

    private static final Pattern KEY = Pattern.compile("t(\\d+)-.+");

    private final TeacherExerciseRepository repository;
    private final AccountService accounts;
    private final Clock clock = Clock.systemUTC();

    TeacherExerciseService(TeacherExerciseRepository repository, AccountService accounts) {
        this.repository = repository;
        this.accounts = accounts;
    }

    /** The key assignments use for a teacher's exercise. */
    public static String key(long teacherId, String id) {
        return "t" + teacherId + "-" + id;
    }

    /** Whether an exercise id is a teacher's key rather than a shipped exercise's id. */
    public static boolean isKey(String id) {
        return id != null && KEY.matcher(id).matches();
    }

    /**
     * The variant a text gives for a seed, as a preview; nothing is stored and no account is needed.
     *
     * @throws ExerciseFileException naming file, line and field
     */
    public Variant preview(String fileName, String yaml, long seed) {
        Exercise e = read(fileName, yaml);
        return draw(e, seed);
    }

    /** Stores (or replaces) the signed-in teacher's exercise; returns it under its key. */
    @Transactional
    public Exercise save(String fileName, String yaml) {
        AccountRef teacher = teacher();
        Exercise e = read(fileName, yaml);
        draw(e, 0);
        String key = key(teacher.id(), e.id());
        if (key.length() > TeacherExercise.KEY_MAX) {
            throw new ExerciseFileException(fileName, 1, "id", "'" + e.id() + "' is too long; keep it under "
                    + (TeacherExercise.KEY_MAX - key(teacher.id(), "").length()) + " characters");
        }
        Optional<TeacherExercise> existing = repository.findByKey(key);
        if (existing.isPresent()) {
            existing.get().replace(yaml, clock.instant());
        } else {
            repository.save(new TeacherExercise(teacher.id(), key, yaml, clock.instant()));
        }
        return withKey(e, key);
    }

    /** The signed-in teacher's exercises, by key. */
    @Transactional(readOnly = true)
    public List<Exercise> mine() {
        AccountRef teacher = teacher();
        return repository.findByTeacherIdOrderByKeyAsc(teacher.id()).stream().map(this::parse).toList();
    }

    /** A stored exercise by key, if it exists. */
    @Transactional(readOnly = true)
    public Optional<Exercise> find(String key) {
        return isKey(key) ? repository.findByKey(key).map(this::parse) : Optional.empty();
    }

    public boolean ownedBy(String key, long teacherId) {
        return isKey(key) && key.startsWith("t" + teacherId + "-") && repository.findByKey(key).isPresent();
    }

    /** A student's variant of a stored exercise (the classroom calls this for keys). */
    @Transactional(readOnly = true)
    public Variant variant(String key, long seed) {
        Exercise e = find(key).orElseThrow(() -> new UnknownExerciseException(key));
        return Variants.draw(e, new FormulaGrader(e), seed);
    }

    private Exercise parse(TeacherExercise t) {
        String id = t.getKey().substring(t.getKey().indexOf('-') + 1);
        return withKey(read(id + ".yaml", t.getYaml()), t.getKey());
    }

    private static Exercise read(String fileName, String yaml) {
        return ExerciseReader.forTeachers().read(fileName == null || fileName.isBlank() ? ExerciseService.VALIDATED_FILE : fileName,
                yaml == null ? "" : yaml);
    }

    private static Variant draw(Exercise e, long seed) {
        try {
            return Variants.draw(e, new FormulaGrader(e), seed);
        } catch (BrokenExerciseException ex) {
            throw new ExerciseFileException(e.file(), 0, "parameters", ex.getMessage());
        }
    }

    private static Exercise withKey(Exercise e, String key) {
        return new Exercise(key, e.file(), e.kind(), e.title(), e.prompt(), e.notes(), e.grader(), e.parameters(), e.tolerance(),
                e.reference(), e.answerExample(), e.parts(), e.hints(), e.solution(), e.page(), e.checklist());
    }

    private AccountRef teacher() {
        AccountRef who = accounts.requireCurrent();
        if (who.role() != Role.TEACHER) {
            throw new AccessDeniedException("only a teacher may write exercises");
        }
        return who;
    }
}
