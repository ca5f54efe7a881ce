package dev.gempix2.core;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way a duration is written in the SDK's settings, for environment variables, framework keys and the
 * command line alike: {@code 500ms}, {@code 30s}, {@code 1.5s}, {@code 5m}, {@code 1h}, {@code 1d}, several of
 * them together ({@code 1m30s}), a bare number of seconds ({@code 45}), or ISO-8601 ({@code PT30S}). Letters
 * may be in either case; a negative duration is never accepted.
 *
 * <pre>{@code
 * Duration timeout = DurationText.parse("5m");
 * }</pre>
 */
public final class DurationText {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("((\\d+(\\.\\d+)?)(ms|s|m|h|d))+");
    private static final Pattern SECONDS = Pattern.compile("\\d{1,12}");
    /** The forms, for messages. */
    static final String FORMS = "30s, 5m, 1h, 500ms, 1m30s or PT30S";

    private DurationText() {
    }

    /**
     * @param text a duration as a person writes it
     * @return the duration, zero or positive
     * @throws IllegalArgumentException {@code must be a duration such as 30s, ..., got '<text>'} (the message
     *                                  starts with "must", so that a reader can put the setting's name first)
     */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        try {
            if (SECONDS.matcher(value).matches()) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            if (value.startsWith("p")) {
                Duration iso = Duration.parse(value.toUpperCase(Locale.ROOT));
                if (!iso.isNegative()) {
                    return iso;
                }
            } else if (WHOLE.matcher(value).matches()) {
                Duration total = Duration.ZERO;
                Matcher part = PART.matcher(value);
                while (part.find()) {
                    total = total.plus(amount(new BigDecimal(part.group(1)), part.group(2)));
                }
                return total;
            }
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException unusable) {
            // reported below, with the forms that work
        }
        throw new IllegalArgumentException("must be a duration such as " + FORMS + ", got '" + shown(text) + "'");
    }

    private static Duration amount(BigDecimal number, String unit) {
        long nanosPerUnit = switch (unit) {
            case "ms" -> 1_000_000L;
            case "s" -> 1_000_000_000L;
            case "m" -> 60_000_000_000L;
            case "h" -> 3_600_000_000_000L;
            default -> 86_400_000_000_000L;
        };
        return Duration.ofNanos(number.multiply(BigDecimal.valueOf(nanosPerUnit)).longValueExact());
    }

    private static String shown(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
