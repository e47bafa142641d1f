package org.convplay.exercise.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.convplay.exercise.BrokenExerciseException;
import org.convplay.exercise.Exercise;
import org.convplay.exercise.ExerciseFileException;
import org.convplay.exercise.ExerciseReader;
import org.convplay.exercise.Grade;
import org.convplay.exercise.Variant;
import org.convplay.exercise.Variants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Exercises for the API, the practice pages and the classroom: list them, draw a variant for a
 * seed, grade an answer. Holds no student data; the classroom stores submissions itself.
 */
@Service
public class ExerciseService {

    private static final Logger log = LoggerFactory.getLogger(ExerciseService.class);

    private final ExerciseCatalog catalog;

    @org.springframework.beans.factory.annotation.Autowired
    public ExerciseService(@Value("${convplay.exercises.path:exercises}") String folder) {
        this(ExerciseCatalog.load(Path.of(folder)));
    }

    public ExerciseService(ExerciseCatalog catalog) {
        this.catalog = catalog;
        log.info("Loaded {} exercises from {}", catalog.all().size(), catalog.source());
    }

    public List<Exercise> list() {
        return catalog.all();
    }

    public Exercise exercise(String id) {
        return catalog.find(id).orElseThrow(() -> new UnknownExerciseException(id));
    }

    public boolean exists(String id) {
        return catalog.find(id).isPresent();
    }

    /** @throws UnknownExerciseException for an unknown id; BrokenExerciseException for our own bug */
    public Variant variant(String id, long seed) {
        Exercise e = exercise(id);
        return Variants.draw(e, catalog.grader(e), seed);
    }

    public Grade grade(Variant variant, JsonNode answer) {
        Exercise e = variant.exercise();
        return catalog.grader(e).grade(variant.parameters(), variant.solution(), answer, e.tolerance());
    }

    /**
     * Reads exercise text as if it were a file and draws its seed-0 variant; nothing is stored.
     *
     * @throws ExerciseFileException naming the line and field of the first problem, also when the
     *                               grader rejects the seed-0 parameters
     */
    public Variant validate(String yaml) {
        Exercise e = ExerciseReader.forText(catalog.graders()).read(VALIDATED_FILE, yaml == null ? "" : yaml);
        return drawChecked(e, 0);
    }

    /** The name errors give text that came without a file. */
    public static final String VALIDATED_FILE = "exercise.yaml";

    /** Draws a variant, turning a broken exercise into a file error: used where the text is someone's draft. */
    Variant drawChecked(Exercise e, long seed) {
        try {
            return Variants.draw(e, catalog.grader(e), seed);
        } catch (BrokenExerciseException ex) {
            throw new ExerciseFileException(e.file(), 0, "parameters", ex.getMessage());
        }
    }
}
