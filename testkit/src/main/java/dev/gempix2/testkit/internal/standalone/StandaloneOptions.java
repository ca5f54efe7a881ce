package dev.gempix2.testkit.internal.standalone;

import dev.gempix2.core.model.ApiKey;
import dev.gempix2.testkit.ImageMode;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone fake's command line, parsed and checked.
 *
 * @param help true when {@code --help} was asked
 * @param host where to listen
 * @param port the port, 0 for any free one
 * @param apiKeys keys to accept; empty to generate one
 * @param stageDuration time in each stage
 * @param imageMode how images are handed out
 */
record StandaloneOptions(boolean help, String host, int port, List<String> apiKeys, Duration stageDuration,
                         ImageMode imageMode) {
    static final int DEFAULT_PORT = 8089;
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    static final String USAGE = """
            Usage: java -jar gempix2-testkit.jar [options]

            Runs a fake GemPix2 API (POST /api/image/gen, GET /api/task/query) for demos and non-Java clients.

            Options:
              --port <n>              port to listen on, 0 for any free one (default %d)
              --host <address>        address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)
              --api-key <key>         a key to accept, e.g. dk-test; repeat for more (default: one generated)
              --stage-duration <d>    time in each of pending, submitted, in_progress: 500ms, 2s, 1m, PT2S (default 1s)
              --image-mode <mode>     url (PNG files served by the fake) or data-uri (default url)
              -h, --help              show this help
            """.formatted(DEFAULT_PORT);

    /**
     * @param args the command line
     * @return the options
     * @throws IllegalArgumentException naming the option at fault
     */
    static StandaloneOptions parse(String... args) {
        boolean help = false;
        String host = "127.0.0.1";
        int port = DEFAULT_PORT;
        List<String> keys = new ArrayList<>();
        Duration stage = Duration.ofSeconds(1);
        ImageMode mode = ImageMode.URL;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            boolean inline = arg.contains("=");
            switch (option) {
                case "-h", "--help" -> help = true;
                case "--port" -> port = port(value(args, i, option, inline));
                case "--host" -> host = notBlank(value(args, i, option, inline), option);
                case "--api-key" -> keys.add(key(value(args, i, option, inline)));
                case "--stage-duration" -> stage = duration(value(args, i, option, inline));
                case "--image-mode" -> mode = imageMode(value(args, i, option, inline));
                default -> throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
            if (!inline && !option.equals("-h") && !option.equals("--help")) {
                i++;
            }
        }
        return new StandaloneOptions(help, host, port, List.copyOf(keys), stage, mode);
    }

    private static String value(String[] args, int index, String option, boolean inline) {
        if (inline) {
            return args[index].substring(args[index].indexOf('=') + 1);
        }
        if (index + 1 >= args.length || args[index + 1].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index + 1];
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("--port must be a number from 0 to 65535, not '" + text + "'");
    }

    private static String key(String text) {
        try {
            return ApiKey.of(text).reveal();
        } catch (RuntimeException invalid) {
            throw new IllegalArgumentException("--api-key " + invalid.getMessage().replaceFirst("^api_key: ", ""));
        }
    }

    private static Duration duration(String text) {
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        Matcher simple = SIMPLE_DURATION.matcher(trimmed);
        Duration duration = null;
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            duration = switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } else if (trimmed.startsWith("pt")) {
            try {
                duration = Duration.parse(trimmed);
            } catch (DateTimeParseException unreadable) {
                duration = null;
            }
        }
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("--stage-duration must look like 500ms, 2s, 1m or PT2S, not '" + text + "'");
        }
        return duration;
    }

    private static ImageMode imageMode(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "url" -> ImageMode.URL;
            case "data-uri", "data_uri", "datauri" -> ImageMode.DATA_URI;
            default -> throw new IllegalArgumentException("--image-mode must be url or data-uri, not '" + text + "'");
        };
    }

    private static String notBlank(String text, String option) {
        if (text.isBlank()) {
            throw new IllegalArgumentException(option + " must not be blank");
        }
        return text.trim();
    }
}
