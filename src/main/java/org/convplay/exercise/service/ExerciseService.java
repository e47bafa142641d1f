package org.convplay.exercise.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.convplay.exercise.Exercise;
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
}
