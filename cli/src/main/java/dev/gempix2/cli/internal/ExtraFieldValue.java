package dev.gempix2.cli.internal;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Turns the value of {@code --extra key=value} into the JSON value sent to the provider: {@code true} and
 * {@code false} become booleans, JSON numbers become numbers, a value in double quotes is the string inside
 * them (so {@code --extra 'seed="42"'} sends the string {@code "42"}), and anything else is sent as a string.
 */
public final class ExtraFieldValue {
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9]\\d{0,17})");
    private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

    private ExtraFieldValue() {
    }

    /**
     * @param text the value as typed
     * @return a {@link Boolean}, {@link Long}, {@link BigDecimal} or {@link String}
     */
    public static Object parse(String text) {
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        if (INTEGER.matcher(text).matches()) {
            return Long.valueOf(text);
        }
        if (DECIMAL.matcher(text).matches()) {
            return new BigDecimal(text);
        }
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }
}
