package org.convplay.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.convplay.exercise.service.ExerciseCatalog;
import org.junit.jupiter.api.Test;

class VariantsTest {

    private final ExerciseCatalog catalog = ExerciseCatalog.fromFolder(java.nio.file.Path.of("exercises"));
    private final Exercise dense = catalog.find("dense-vs-conv").orElseThrow();

    @Test
    void seedZeroIsTheNotebooksOwnNumbers() {
        Variant v = Variants.draw(dense, catalog.grader(dense), 0);
        assertThat(v.parameters().integer("n")).isEqualTo(100);
        assertThat(v.parameters().integer("k")).isEqualTo(3);
        assertThat(v.prompt().en()).contains("100x100").contains("3x3");
    }

    @Test
    void aSeedAlwaysGivesTheSameVariant() {
        for (long seed = 1; seed < 20; seed++) {
            Variant a = Variants.draw(dense, catalog.grader(dense), seed);
            Variant b = Variants.draw(dense, catalog.grader(dense), seed);
            assertThat(a.parameters().toString()).isEqualTo(b.parameters().toString());
        }
    }

    @Test
    void otherSeedsGiveOtherSizes() {
        Set<String> seen = new HashSet<>();
        for (long seed = 1; seed <= 30; seed++) {
            seen.add(Variants.draw(dense, catalog.grader(dense), seed).parameters().toString());
        }
        assertThat(seen.size()).isGreaterThan(5);
    }

    @Test
    void aRejectedDrawIsReplacedSoEveryVariantIsValid() {
        // The flip exercise rejects kernels equal to their own rotation; no variant may have one.
        Exercise flip = catalog.find("conv-vs-correlation").orElseThrow();
        for (long seed = 1; seed <= 60; seed++) {
            int[][] w = Variants.draw(flip, catalog.grader(flip), seed).parameters().matrix("w");
            int[][] rotated = new int[3][3];
            for (int y = 0; y < 3; y++) {
                for (int x = 0; x < 3; x++) {
                    rotated[y][x] = w[2 - y][2 - x];
                }
            }
            assertThat(java.util.Arrays.deepEquals(w, rotated)).isFalse();
        }
    }

    @Test
    void aNegativeSeedIsRefused() {
        assertThatThrownBy(() -> Variants.draw(dense, catalog.grader(dense), -1)).hasMessageContaining("seed");
    }
}
