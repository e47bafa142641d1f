package org.convplay.exercise;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.parser.ParseException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Formulas over an exercise's parameters ({@code n - k + 1}), evaluated by EvalEx: a small
 * expression language with arithmetic, comparisons, {@code IF}, {@code FLOOR}, {@code CEILING}
 * and the like, and no way to reach Java classes, files or scripts. Parameters are numbers, words
 * (compared as {@code padding == "same"}) or matrices (lists, {@code x[0][1]}).
 */
public final class Formulas {

    private Formulas() {
    }

    /**
     * The parameters a formula names that are not in {@code declared}, after checking its syntax.
     *
     * @throws IllegalArgumentException for a syntax error, with EvalEx's message
     */
    public static List<String> unknownNames(String formula, java.util.Set<String> declared) {
        try {
            Expression e = new Expression(formula);
            e.validate();
            List<String> unknown = new ArrayList<>();
            for (String name : e.getUsedVariables()) {
                if (!declared.contains(name)) {
                    unknown.add(name);
                }
            }
            return unknown;
        } catch (ParseException e) {
            throw new IllegalArgumentException("is not a formula: " + e.getMessage());
        }
    }

    /**
     * The formula's value for these parameters.
     *
     * @throws IllegalArgumentException when it cannot be evaluated (division by zero, a word where a
     *                                  number belongs) or gives something other than a finite number
     */
    public static BigDecimal evaluate(String formula, Map<String, Object> parameters) {
        Expression e = new Expression(formula);
        parameters.forEach((name, value) -> e.with(name, asValue(value)));
        EvaluationValue v;
        try {
            v = e.evaluate();
        } catch (EvaluationException | ParseException ex) {
            throw new IllegalArgumentException("'" + formula + "' cannot be evaluated with " + parameters.keySet() + ": " + ex.getMessage());
        } catch (ArithmeticException | IllegalArgumentException | UnsupportedOperationException ex) {
            throw new IllegalArgumentException("'" + formula + "' cannot be evaluated: " + ex.getMessage());
        }
        if (!v.isNumberValue()) {
            throw new IllegalArgumentException("'" + formula + "' gives " + v.getValue() + ", not a number");
        }
        return v.getNumberValue();
    }

    private static Object asValue(Object value) {
        if (value instanceof int[][] m) {
            List<List<Integer>> rows = new ArrayList<>();
            for (int[] row : m) {
                rows.add(java.util.Arrays.stream(row).boxed().toList());
            }
            return rows;
        }
        return value;
    }
}
