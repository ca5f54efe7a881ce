package dev.gempix2.core;

import dev.gempix2.core.error.ConfigurationException;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.internal.HeaderRules;
import dev.gempix2.core.internal.SettingKey;
import dev.gempix2.core.internal.SettingKeys;
import dev.gempix2.core.wire.HttpUrls;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads raw text into {@link GemPix2Settings}: the one place where a setting's text is parsed and where a
 * failure gets the name the user wrote. Layers are read in order, the first that has a key wins.
 */
final class SettingsReading {
    private static final String HEADER_PREFIX = SettingKeys.DEFAULT_HEADERS.key() + ".";

    /** How a layer spells the names. */
    enum Spelling { FRAMEWORK, ENVIRONMENT, COMMAND_LINE }

    /** Raw text and the name it was found under. */
    record Raw(String name, String text) {
    }

    /** One source of text. */
    private record Layer(Spelling spelling, Map<String, String> values) {
        String name(SettingKey key) {
            return switch (spelling) {
                case FRAMEWORK -> key.key();
                case ENVIRONMENT -> key.environmentVariable();
                case COMMAND_LINE -> key.cliOption();
            };
        }

        Raw find(SettingKey key) {
            String name = name(key);
            String value = name == null ? null : values.get(name);
            return value == null || value.isBlank() ? null : new Raw(name, value.strip());
        }
    }

    private SettingsReading() {
    }

    static GemPix2Settings fromEnvironment(Map<String, String> environment) {
        return read(List.of(new Layer(Spelling.ENVIRONMENT, environment)), environment,
                SettingKeys.API_KEY.environmentVariable());
    }

    static GemPix2Settings fromProperties(Map<String, String> properties) {
        return read(List.of(new Layer(Spelling.FRAMEWORK, properties)), null, SettingKeys.API_KEY.key());
    }

    static GemPix2Settings fromCommandLine(Map<String, String> options, Map<String, String> environment) {
        for (String option : options.keySet()) {
            if (SettingKeys.ALL.stream().noneMatch(key -> option.equals(key.cliOption()))) {
                throw new IllegalArgumentException("no setting has the command-line option " + option);
            }
        }
        return read(List.of(new Layer(Spelling.COMMAND_LINE, options), new Layer(Spelling.ENVIRONMENT, environment)),
                environment, SettingKeys.API_KEY.cliOption() + " or " + SettingKeys.API_KEY.environmentVariable());
    }

    private static GemPix2Settings read(List<Layer> layers, Map<String, String> proxyEnvironment,
                                        String missingKeyName) {
        GemPix2Settings.Builder builder = GemPix2Settings.builder().apiKeySetting(missingKeyName);
        apply(layers, SettingKeys.API_KEY, raw -> builder.apiKey(raw.text()));
        apply(layers, SettingKeys.BASE_URL, raw -> builder.baseUrl(HttpUrls.parseBase("baseUrl", raw.text())));
        apply(layers, SettingKeys.MODEL, raw -> builder.model(raw.text()));
        PollingPolicy.Builder polling = PollingPolicy.builder();
        apply(layers, SettingKeys.POLLING_INITIAL_DELAY, raw -> polling.initialDelay(DurationText.parse(raw.text())));
        apply(layers, SettingKeys.POLLING_MAX_INTERVAL, raw -> polling.maxInterval(DurationText.parse(raw.text())));
        apply(layers, SettingKeys.POLLING_WAIT_TIMEOUT, raw -> polling.waitTimeout(DurationText.parse(raw.text())));
        builder.pollingPolicy(polling.build());
        apply(layers, SettingKeys.RETRY_MAX_RETRIES, raw -> builder.maxRetries((int) number(raw.text(), 1_000)));
        apply(layers, SettingKeys.CALLBACK_BASE_URL,
                raw -> builder.callbackBaseUrl(HttpUrls.parseBase("callbackBaseUrl", raw.text())));
        apply(layers, SettingKeys.CALLBACK_PATH, raw -> builder.callbackPath(raw.text()));
        apply(layers, SettingKeys.CALLBACK_VERIFY, raw -> builder.verifyCallbacks(bool(raw.text())));
        apply(layers, SettingKeys.CALL_TIMEOUT, raw -> builder.callTimeout(DurationText.parse(raw.text())));
        apply(layers, SettingKeys.DOWNLOADS_MAX_BYTES,
                raw -> builder.maxDownloadBytes(number(raw.text(), Long.MAX_VALUE)));
        apply(layers, SettingKeys.CONNECT_TIMEOUT, raw -> builder.http.connectTimeout(DurationText.parse(raw.text())));
        apply(layers, SettingKeys.RESPONSE_TIMEOUT,
                raw -> builder.http.responseTimeout(DurationText.parse(raw.text())));
        apply(layers, SettingKeys.USER_AGENT_SUFFIX, raw -> builder.http.userAgentSuffix(raw.text()));
        for (int i = layers.size() - 1; i >= 0; i--) {
            headers(layers.get(i), builder);
        }
        ProxySettingsReading.read(key -> find(layers, key), proxyEnvironment, builder);
        return builder.build();
    }

    private static void apply(List<Layer> layers, SettingKey key, Consumer<Raw> setter) {
        Raw raw = find(layers, key);
        if (raw != null) {
            try {
                setter.accept(raw);
            } catch (InvalidRequestException invalid) {
                throw failure(raw.name(), key, invalid.detail().orElse(invalid.getMessage()));
            } catch (IllegalArgumentException invalid) {
                throw failure(raw.name(), key, invalid.getMessage());
            }
        }
    }

    private static Raw find(List<Layer> layers, SettingKey key) {
        for (Layer layer : layers) {
            Raw raw = layer.find(key);
            if (raw != null) {
                return raw;
            }
        }
        return null;
    }

    /**
     * @param name the setting as the user wrote it
     * @param key the setting
     * @param message a builder's message, which starts with the setting's Java name
     * @return the exception, its message starting with the user's name instead
     */
    static ConfigurationException failure(String name, SettingKey key, String message) {
        String problem = Objects.requireNonNullElse(message, "is not usable");
        for (String prefix : List.of(key.javaName() + " ", key.javaName() + ": ")) {
            if (problem.startsWith(prefix)) {
                problem = problem.substring(prefix.length());
            }
        }
        return new ConfigurationException(name, problem.startsWith("must") || problem.startsWith("is")
                ? problem : "is not usable: " + problem);
    }

    private static void headers(Layer layer, GemPix2Settings.Builder builder) {
        if (layer.spelling() == Spelling.FRAMEWORK) {
            layer.values().forEach((name, value) -> {
                if (name.startsWith(HEADER_PREFIX)) {
                    header(name, name.substring(HEADER_PREFIX.length()), value == null ? "" : value.strip(), builder);
                }
            });
            return;
        }
        Raw raw = layer.find(SettingKeys.DEFAULT_HEADERS);
        if (raw == null) {
            return;
        }
        for (String pair : raw.text().split(",")) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new ConfigurationException(raw.name(), "must hold Name=value pairs separated by commas, such "
                        + "as X-Tenant=images,X-Team=web");
            }
            header(raw.name(), pair.substring(0, equals).strip(), pair.substring(equals + 1).strip(), builder);
        }
    }

    private static void header(String setting, String name, String value, GemPix2Settings.Builder builder) {
        try {
            HeaderRules.check(setting, name, value);
            builder.http.defaultHeader(name, value);
        } catch (IllegalArgumentException invalid) {
            String message = invalid.getMessage();
            throw new ConfigurationException(setting, message.startsWith(setting + ": ")
                    ? message.substring(setting.length() + 2) : message);
        }
    }

    private static long number(String text, long max) {
        try {
            long value = Long.parseLong(text.replace("_", ""));
            if (value >= 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new IllegalArgumentException("must be a whole number from 0 to " + max + ", got '" + clip(text) + "'");
    }

    private static boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false, got '" + clip(text) + "'");
        };
    }

    private static String clip(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
