package org.convplay.exercise;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.convplay.exercise.service.ExerciseCatalog;
import org.junit.jupiter.api.Test;

/** The house rule for content: every file in exercises/ parses, ids are unique, every reference answer scores full marks. */
class ExerciseFilesTest {

    private static final Path FOLDER = Path.of("exercises");
    private final ExerciseCatalog catalog = ExerciseCatalog.fromFolder(FOLDER);

    @Test
    void everyFileInTheFolderBecomesAnExerciseWithAUniqueId() throws IOException {
        long files;
        try (Stream<Path> s = Files.list(FOLDER)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        List<Exercise> all = catalog.all();
        assertThat(all).hasSize((int) files);
        Set<String> ids = new HashSet<>();
        all.forEach(e -> assertThat(ids.add(e.id())).as("id %s is unique", e.id()).isTrue());
        assertThat(all).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void theCatalogueHasTheNotebooksExercisesAndEveryKind() {
        assertThat(catalog.all()).extracting(Exercise::id).contains("dense-vs-conv", "practical-same", "practical-gray",
                "practical-rgb", "practical-filters", "practical-timing");
        assertThat(catalog.all()).extracting(Exercise::kind).contains(Kind.NUMERIC, Kind.SHAPE, Kind.PRACTICAL, Kind.FORMULA);
    }

    @Test
    void everyReferenceAnswerScoresFullMarksOnSeedZero() {
        for (Exercise e : catalog.all()) {
            Variant v = Variants.draw(e, catalog.grader(e), 0);
            Grade g = catalog.grader(e).grade(v.parameters(), v.solution(), e.reference(), e.tolerance());
            assertThat(g.correct()).as("%s: reference answer graded as %s", e.file(), g.feedback(java.util.Locale.ENGLISH)).isTrue();
            assertThat(g.score()).isEqualTo(1.0);
        }
    }

    @Test
    void theComputedAnswerOfManySeedsScoresFullMarks() {
        for (Exercise e : catalog.all()) {
            for (long seed = 1; seed <= 40; seed++) {
                Variant v = Variants.draw(e, catalog.grader(e), seed);
                Grade g = catalog.grader(e).grade(v.parameters(), v.solution(), v.solution().answer(), e.tolerance());
                assertThat(g.correct()).as("%s seed %d: %s", e.id(), seed, g.feedback(java.util.Locale.ENGLISH)).isTrue();
            }
        }
    }

    @Test
    void theExampleAnswerIsWellFormedButNotCorrect() {
        for (Exercise e : catalog.all()) {
            Variant v = Variants.draw(e, catalog.grader(e), 0);
            Grade g = catalog.grader(e).grade(v.parameters(), v.solution(), e.answerExample(), e.tolerance());
            // correct() alone is false for a malformed example too; the example shows the answer's format, so it must parse
            assertThat(g.gradable()).as("%s: the example must be a well-formed answer, got %s", e.id(), g).isTrue();
            assertThat(g.correct()).as("%s: the example must not give the answer away", e.id()).isFalse();
        }
    }

    @Test
    void everyPracticalNamesItsPageAndEachChecklistLineIsACheckTheGraderMakes() {
        for (Exercise e : catalog.all()) {
            if (e.kind() != Kind.PRACTICAL) {
                assertThat(e.page()).as(e.id()).isNull();
                continue;
            }
            assertThat(e.page()).as(e.id()).isIn(Exercise.PAGES);
            Variant v = Variants.draw(e, catalog.grader(e), 0);
            Set<String> fields = new HashSet<>();
            catalog.grader(e).grade(v.parameters(), v.solution(), e.reference(), e.tolerance()).checks().forEach(c -> fields.add(c.field()));
            assertThat(e.checklist()).as(e.id()).isNotEmpty();
            assertThat(e.checklist()).extracting(ChecklistItem::check).as(e.id()).containsExactlyInAnyOrderElementsOf(fields);
        }
    }

    @Test
    void promptsAreFilledInBothLanguages() {
        for (Exercise e : catalog.all()) {
            Variant v = Variants.draw(e, catalog.grader(e), 3);
            assertThat(v.prompt().en()).as(e.id()).doesNotContainPattern("\\{[a-zA-Z]+}");
            assertThat(v.prompt().pt()).as(e.id()).doesNotContainPattern("\\{[a-zA-Z]+}");
            assertThat(v.prompt().pt()).isNotEqualTo(v.prompt().en());
        }
    }

    @Test
    void theCopyInTheClasspathHoldsTheSameExercises() {
        // Maven copies exercises/ into the jar; a packaged build must offer the same catalogue.
        assertThat(ExerciseCatalog.fromClasspath().all()).extracting(Exercise::id)
                .containsExactlyElementsOf(catalog.all().stream().map(Exercise::id).toList());
    }
}
