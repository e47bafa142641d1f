package org.convplay.exercise;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence in the two languages the exercises are written in (English and Brazilian Portuguese),
 * optionally with {@code {name}} placeholders filled from a variant's parameters.
 */
public record Text(String en, String pt) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    public static Text of(String en, String pt) {
        return new Text(en, pt);
    }

    /** Portuguese for any {@code pt} locale, English otherwise. */
    public String in(Locale locale) {
        return locale != null && "pt".equals(locale.getLanguage()) ? pt : en;
    }

    /** Replaces {@code {name}} by the parameter's value; unknown names are left as they are. */
    public Text fill(Map<String, ?> values) {
        return new Text(fill(en, values), fill(pt, values));
    }

    /** The placeholder names used in either language. */
    public java.util.Set<String> placeholders() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (String s : new String[] {en, pt}) {
            Matcher m = PLACEHOLDER.matcher(s);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static String fill(String template, Map<String, ?> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object v = values.get(m.group(1));
            String replacement = v == null ? m.group() : Parameters.format(v);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
