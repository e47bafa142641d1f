package org.convplay.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.convplay.Fuzz;
import org.convplay.exercise.grading.Graders;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A teacher's exercise file with slips anywhere: the real exercise files with lines dropped, swapped or doubled,
 * characters spliced in and values replaced, and random YAML-ish text. The reader either reads the exercise or
 * refuses the file with {@link ExerciseFileException} naming it; no other exception reaches whoever loads exercises.
 */
class ExerciseReaderFuzzTest {

    static final ExerciseReader READER = new ExerciseReader(Graders.all());
    static final String YAML_CHARACTERS = ":-[]{},'\"#&*!|> \n\t0123456789.abcxyz";

    static Stream<Arguments> files() throws IOException {
        List<Path> paths;
        try (Stream<Path> list = Files.list(Path.of("exercises"))) {
            paths = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        List<String[]> originals = new ArrayList<>();
        for (Path p : paths) {
            originals.add(new String[] {p.getFileName().toString(), Files.readString(p)});
        }
        return Fuzz.cases(19, 400, r -> damage(r, originals));
    }

    static String[] damage(Random r, List<String[]> originals) {
        if (r.nextInt(6) == 0) {
            return new String[] {"random.yaml", Fuzz.text(r, YAML_CHARACTERS + "defghijklmnopqrstuvw", 200)};
        }
        String[] original = originals.get(r.nextInt(originals.size()));
        List<String> lines = new ArrayList<>(List.of(original[1].split("\n", -1)));
        for (int edits = 1 + r.nextInt(4); edits > 0 && !lines.isEmpty(); edits--) {
            int i = r.nextInt(lines.size());
            String line = lines.get(i);
            switch (r.nextInt(5)) {
                case 0 -> lines.remove(i);
                case 1 -> Collections.swap(lines, i, r.nextInt(lines.size()));
                case 2 -> lines.add(i, line);
                case 3 -> lines.set(i, Fuzz.splice(r, line, YAML_CHARACTERS, 3));
                default -> {
                    int colon = line.indexOf(':');
                    String value = Fuzz.text(r, YAML_CHARACTERS, 10);
                    lines.set(i, colon < 0 ? value : line.substring(0, colon + 1) + " " + value);
                }
            }
        }
        return new String[] {original[0], String.join("\n", lines)};
    }

    @ParameterizedTest(name = "case {index}")
    @MethodSource("files")
    void readsOrRefusesTheFile(String[] file) {
        try {
            assertThat(READER.read(file[0], new StringReader(file[1]))).isNotNull();
        } catch (ExerciseFileException refused) {
            assertThat(refused.getMessage()).as(file[1]).contains(file[0]);
        }
    }
}
