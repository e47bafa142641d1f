package org.convplay.exercise.service;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.convplay.exercise.Exercise;
import org.convplay.exercise.ExerciseFileException;
import org.convplay.exercise.ExerciseReader;
import org.convplay.exercise.Grader;
import org.convplay.exercise.Variants;
import org.convplay.exercise.grading.Graders;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * All exercises, read once at start-up from a folder of YAML files (the repository's
 * {@code exercises/} when run from the source tree) or, when that folder does not exist, from the
 * copy Maven puts into the jar under {@code classpath:exercises/}.
 */
public final class ExerciseCatalog {

    private final Map<String, Exercise> byId;
    private final Map<String, Grader> graders;
    private final String source;

    private ExerciseCatalog(Map<String, Exercise> byId, Map<String, Grader> graders, String source) {
        this.byId = Collections.unmodifiableMap(byId);
        this.graders = graders;
        this.source = source;
    }

    /** The folder if it exists, else the classpath copy. */
    public static ExerciseCatalog load(Path folder) {
        if (Files.isDirectory(folder)) {
            return fromFolder(folder);
        }
        return fromClasspath();
    }

    public static ExerciseCatalog fromFolder(Path folder) {
        Map<String, Grader> graders = Graders.all();
        ExerciseReader reader = new ExerciseReader(graders);
        List<Exercise> exercises = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    exercises.add(reader.read(file.getFileName().toString(), r));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the exercises in " + folder.toAbsolutePath(), e);
        }
        return of(exercises, graders, folder.toAbsolutePath().toString());
    }

    public static ExerciseCatalog fromClasspath() {
        Map<String, Grader> graders = Graders.all();
        ExerciseReader reader = new ExerciseReader(graders);
        List<Exercise> exercises = new ArrayList<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:exercises/*.yaml");
            for (Resource resource : Stream.of(resources).sorted(Comparator.comparing(Resource::getFilename)).toList()) {
                try (Reader r = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                    exercises.add(reader.read(resource.getFilename(), r));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the exercises on the classpath", e);
        }
        return of(exercises, graders, "classpath:exercises/");
    }

    static ExerciseCatalog of(List<Exercise> exercises, Map<String, Grader> graders, String source) {
        if (exercises.isEmpty()) {
            throw new ExerciseFileException(source, 0, null, "no exercise files (*.yaml) found");
        }
        Map<String, Exercise> byId = new LinkedHashMap<>();
        for (Exercise e : exercises) {
            Exercise earlier = byId.putIfAbsent(e.id(), e);
            if (earlier != null) {
                throw new ExerciseFileException(e.file(), 0, "id", "'" + e.id() + "' is also the id of " + earlier.file());
            }
        }
        ExerciseCatalog catalog = new ExerciseCatalog(byId, graders, source);
        // Drawing seed 0 now turns a file the grader cannot use into a start-up error, not a student's.
        byId.values().forEach(e -> Variants.draw(e, catalog.grader(e), 0));
        return catalog;
    }

    public List<Exercise> all() {
        return List.copyOf(byId.values());
    }

    public Optional<Exercise> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Grader grader(Exercise e) {
        return Graders.of(e, graders);
    }

    Map<String, Grader> graders() {
        return graders;
    }

    public String source() {
        return source;
    }
}
