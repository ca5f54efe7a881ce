package dev.gempix2.cli.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads durations as people write them: {@code 90s}, {@code 5m}, {@code 1h}, {@code 500ms}, {@code 1m30s},
 * a bare number of seconds, or ISO-8601 ({@code PT90S}). Only positive durations are accepted.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern PART = Pattern.compile("(\\d+)(ms|h|m|s)");
    private static final Pattern WHOLE = Pattern.compile("((\\d+)(ms|h|m|s))+");

    @Override
    public Duration convert(String text) {
        Duration duration = parse(text);
        if (duration.isZero() || duration.isNegative()) {
            throw new TypeConversionException("'" + text + "' must be longer than zero");
        }
        return duration;
    }

    private static Duration parse(String text) {
        String value = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        try {
            if (value.matches("\\d{1,9}")) {
                return Duration.ofSeconds(Long.parseLong(value));
            }
            if (value.startsWith("pt") || value.startsWith("p")) {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            }
            if (WHOLE.matcher(value).matches()) {
                Duration total = Duration.ZERO;
                Matcher part = PART.matcher(value);
                while (part.find()) {
                    total = total.plus(amount(Long.parseLong(part.group(1)), part.group(2)));
                }
                return total;
            }
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException tooLarge) {
            throw new TypeConversionException("'" + text + "' is not a duration I can use: " + tooLarge.getMessage());
        }
        throw new TypeConversionException("'" + text + "' is not a duration (write it like 90s, 5m, 1h or 500ms)");
    }

    private static Duration amount(long number, String unit) {
        return switch (unit) {
            case "ms" -> Duration.ofMillis(number);
            case "s" -> Duration.ofSeconds(number);
            case "m" -> Duration.ofMinutes(number);
            default -> Duration.ofHours(number);
        };
    }
}
