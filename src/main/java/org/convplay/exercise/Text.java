package org.convplay.exercise;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.convplay.shared.Messages;

/**
 * Something to tell a reader, rendered in their language with {@link #in(Locale)}. What the server says
 * (grading feedback, refusals) is a {@link Message}: a key of the message bundles and its arguments. What a
 * teacher wrote in an exercise file is a {@link Literal}: the file's English and Portuguese. {@link Lines} puts
 * several on their own lines (a grade's feedback). {@link TextJson} stores any of them.
 */
public sealed interface Text permits Text.Literal, Text.Message, Text.Lines {

    /** The text in the locale's language: Portuguese for any {@code pt} locale, English otherwise. */
    String in(Locale locale);

    default String en() {
        return in(Locale.ENGLISH);
    }

    default String pt() {
        return in(Messages.PORTUGUESE);
    }

    /** The bundle text {@code key} with its arguments: strings, numbers, instants or other texts. */
    static Text of(String key, Object... args) {
        return new Message(key, Arrays.asList(args));
    }

    /** A text as an exercise file gives it, in both languages. */
    static Text literal(String en, String pt) {
        return new Literal(en, pt);
    }

    /** Replaces {@code {name}} by the parameter's value in a file's text; a message has no such placeholders. */
    default Text fill(Map<String, ?> values) {
        return this;
    }

    /** The {@code {name}} placeholders of a file's text. */
    default Set<String> placeholders() {
        return Set.of();
    }

    /** A text from an exercise file, optionally with {@code {name}} placeholders filled from a variant's parameters. */
    record Literal(String en, String pt) implements Text {

        private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

        @Override
        public String in(Locale locale) {
            return locale != null && "pt".equals(locale.getLanguage()) ? pt : en;
        }

        @Override
        public Text fill(Map<String, ?> values) {
            return new Literal(fill(en, values), fill(pt, values));
        }

        @Override
        public Set<String> placeholders() {
            Set<String> names = new LinkedHashSet<>();
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

    /** A key of the message bundles and its arguments; a {@link Text} argument is rendered in the same language. */
    record Message(String key, List<Object> args) implements Text {

        public Message {
            // an exception's missing message must not turn feedback into a server error
            args = args.stream().map(a -> a == null ? (Object) "" : a).toList();
        }

        @Override
        public String in(Locale locale) {
            Object[] shown = args.stream().map(a -> a instanceof Text t ? t.in(locale) : a).toArray();
            return Messages.render(locale, key, shown);
        }

        @Override
        public String toString() {
            return key + Arrays.toString(args.toArray());
        }
    }

    /** Texts one below the other, such as the lines of a grade's feedback. */
    record Lines(List<Text> lines) implements Text {

        public Lines {
            lines = List.copyOf(lines);
        }

        @Override
        public String in(Locale locale) {
            return lines.stream().map(t -> t.in(locale)).collect(Collectors.joining("\n"));
        }
    }
}
