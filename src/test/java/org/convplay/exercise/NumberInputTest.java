package org.convplay.exercise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * What students type into number fields: each page language's own format, plain digits, and
 * clear refusals. The round-trip properties run over seeded random numbers in both locales.
 */
class NumberInputTest {

    private static final Locale EN = Locale.ENGLISH;
    private static final Locale PT = Locale.forLanguageTag("pt-BR");
    private static final int CASES = 2000;

    @Test
    void theNotebooksDenseCountReadsInEachLanguageAndPlain() {
        assertThat(NumberInput.parseInteger("96,049,604", EN)).isEqualTo(96_049_604L);
        assertThat(NumberInput.parseInteger("96.049.604", PT)).isEqualTo(96_049_604L);
        assertThat(NumberInput.parseInteger("96049604", EN)).isEqualTo(96_049_604L);
        assertThat(NumberInput.parseInteger("96049604", PT)).isEqualTo(96_049_604L);
        assertThat(NumberInput.parseInteger(" 96 049 604 ", PT)).isEqualTo(96_049_604L);
    }

    @Test
    void decimalsUseEachLanguagesSeparator() {
        assertThat(NumberInput.parseDecimal("1.5", EN)).isEqualTo(1.5);
        assertThat(NumberInput.parseDecimal("1,5", PT)).isEqualTo(1.5);
        assertThat(NumberInput.parseDecimal("9,604,960.4", EN)).isEqualTo(9_604_960.4);
        assertThat(NumberInput.parseDecimal("9.604.960,4", PT)).isEqualTo(9_604_960.4);
        assertThat(NumberInput.parseDecimal("-2", PT)).isEqualTo(-2);
        assertThat(NumberInput.parseDecimal("1e-3", EN)).isEqualTo(0.001);
        // In English "1,5" is not 1.5 and in Portuguese "1.5" is not: refused, not guessed.
        assertThatThrownBy(() -> NumberInput.parseDecimal("1,5", EN)).isInstanceOf(NumberInput.Invalid.class);
        assertThatThrownBy(() -> NumberInput.parseDecimal("1.5", PT)).isInstanceOf(NumberInput.Invalid.class);
    }

    @Test
    void textEmptinessAndFractionsAreRefusedWithTheirReason() {
        assertThat(reason(() -> NumberInput.parseInteger("lots", EN))).isEqualTo("integer");
        assertThat(reason(() -> NumberInput.parseInteger("", EN))).isEqualTo("empty");
        assertThat(reason(() -> NumberInput.parseInteger("   ", PT))).isEqualTo("empty");
        assertThat(reason(() -> NumberInput.parseInteger("1.5", EN))).isEqualTo("integer");
        assertThat(reason(() -> NumberInput.parseInteger("99999999999999999999", EN))).isEqualTo("tooLarge");
        assertThat(reason(() -> NumberInput.parseDecimal("abc", PT))).isEqualTo("decimal");
        assertThat(reason(() -> NumberInput.parseDecimal("-", PT))).isEqualTo("decimal");
        assertThat(reason(() -> NumberInput.parseDecimal("1e999", EN))).isEqualTo("tooLarge");
    }

    @Test
    void shapesAreReadInEveryCommonSpelling() {
        for (String s : new String[] {"98x98", "98 x 98", "98,98", "98 98", "[98, 98]", "98×98", "(98, 98)"}) {
            assertThat(NumberInput.parseShape(s, 2)).as(s).containsExactly(98, 98);
        }
        assertThat(NumberInput.parseShape("32 x 3 x 3 x 3", 4)).containsExactly(32, 3, 3, 3);
        assertThat(reason(() -> NumberInput.parseShape("98", 2))).isEqualTo("shape");
        assertThat(reason(() -> NumberInput.parseShape("98 x -1", 2))).isEqualTo("shape");
        assertThat(reason(() -> NumberInput.parseShape("ninety x 98", 2))).isEqualTo("shape");
        assertThat(reason(() -> NumberInput.parseShape("", 2))).isEqualTo("empty");
    }

    @Test
    void anIntegerFormattedInEitherLanguageParsesBackToItself() {
        SplittableRandom rng = new SplittableRandom(12);
        for (Locale locale : new Locale[] {EN, PT}) {
            NumberFormat format = NumberFormat.getIntegerInstance(locale);
            for (int i = 0; i < CASES; i++) {
                long n = rng.nextLong(-1_000_000_000_000L, 1_000_000_000_000L) >> rng.nextInt(40);
                String text = format.format(n);
                assertThat(NumberInput.parseInteger(text, locale)).as("%s in %s", text, locale).isEqualTo(n);
                assertThat(NumberInput.parseInteger(Long.toString(n), locale)).isEqualTo(n);
            }
        }
    }

    @Test
    void aDecimalFormattedInEitherLanguageParsesBackToItself() {
        SplittableRandom rng = new SplittableRandom(34);
        for (Locale locale : new Locale[] {EN, PT}) {
            for (int i = 0; i < CASES; i++) {
                double d = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(12));
                String text = NumberInput.format(d, locale);
                double back = NumberInput.parseDecimal(text, locale);
                assertThat(back).as("%s in %s", text, locale).isCloseTo(d, org.assertj.core.data.Offset.offset(Math.abs(d) * 1e-9 + 1e-12));
            }
        }
    }

    private static String reason(Runnable r) {
        try {
            r.run();
        } catch (NumberInput.Invalid e) {
            return e.key();
        }
        return "accepted";
    }
}
