package org.convplay.shared;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Date;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.convplay.engine.Translatable;

/**
 * Texts built on the server (grading feedback, refusals) rendered from the pages' own message bundles
 * ({@code vaadin-i18n/translations*.properties}) the way Vaadin renders them: a text given arguments goes through
 * {@link MessageFormat} in the reader's locale (so its apostrophes are written {@code ''}), a text without
 * arguments is shown as written. Decimals and instants are written here, per locale, before that.
 */
public final class Messages {

    public static final Locale PORTUGUESE = Locale.forLanguageTag("pt-BR");

    /** Enough digits for any number a student types, few enough to hide binary noise (7.000000000000001). */
    static final int SIGNIFICANT_DIGITS = 10;

    /** Dates read on the server's clock, as the classroom pages show the dates a teacher typed. */
    public static final ZoneId ZONE = ZoneId.systemDefault();

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** Brazilian Portuguese for any Portuguese locale, English (the bundles' base) otherwise. */
    public static Locale offered(Locale locale) {
        return locale != null && "pt".equals(locale.getLanguage()) ? PORTUGUESE : Locale.ENGLISH;
    }

    /** The text of {@code key} in the locale's language; an unknown key shows as {@code !key!}, as Vaadin shows it. */
    public static String render(Locale locale, String key, Object... args) {
        Locale l = offered(locale);
        String pattern;
        try {
            pattern = ResourceBundle.getBundle("vaadin-i18n/translations", l, NO_FALLBACK).getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        if (args.length == 0) {
            return pattern;
        }
        MessageFormat format = new MessageFormat(pattern, l);
        Format[] styles = format.getFormatsByArgumentIndex();
        Object[] shown = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            boolean styled = i < styles.length && styles[i] != null;
            shown[i] = styled ? styledArgument(args[i]) : argument(args[i], l);
        }
        return format.format(shown);
    }

    /**
     * An error as a page shows it: in the reader's language when it is {@link Translatable} with a reason, else its
     * English message as the API gives it.
     */
    public static String explain(Throwable error, Locale locale) {
        if (error instanceof Translatable t && t.reason() != null) {
            return explain(t.reason(), locale);
        }
        return error.getMessage();
    }

    private static String explain(Translatable.Reason reason, Locale locale) {
        Object[] args = reason.args().toArray();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Translatable.Reason inner) {
                args[i] = explain(inner, locale);
            } else if (args[i] instanceof Throwable inner) {
                args[i] = explain(inner, locale);
            }
        }
        return render(locale, reason.key(), args);
    }

    /** An argument the text gives no style ({@code {0}}): decimals and instants written here, the rest as MessageFormat writes it. */
    private static Object argument(Object arg, Locale locale) {
        if (arg instanceof Double || arg instanceof Float) {
            return decimal(((Number) arg).doubleValue(), locale);
        }
        if (arg instanceof Instant instant) {
            return date(instant, locale);
        }
        return arg;
    }

    /** An argument the text styles itself ({@code {0,number,0.00}}, {@code {0,date,long}}): MessageFormat writes it. */
    private static Object styledArgument(Object arg) {
        return arg instanceof Instant instant ? Date.from(instant) : arg;
    }

    /**
     * A decimal with the locale's separators and at most {@value #SIGNIFICANT_DIGITS} significant digits:
     * {@code 0.07 * 100} is 7, {@code 2.5} is "2,5" in Portuguese.
     */
    public static String decimal(double value, Locale locale) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(SIGNIFICANT_DIGITS)).stripTrailingZeros();
        NumberFormat f = NumberFormat.getNumberInstance(offered(locale));
        f.setMaximumFractionDigits(Math.max(0, rounded.scale()));
        return f.format(rounded);
    }

    /** An instant as a date and time in the locale's style, on the server's clock, the zone named. */
    public static String date(Instant instant, Locale locale) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(offered(locale))
                .format(instant.atZone(ZONE)) + " (" + ZONE.getId() + ")";
    }
}
