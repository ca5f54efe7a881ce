package dev.gempix2.cli.internal;

import dev.gempix2.cli.ExitCodes;
import dev.gempix2.core.GemPix2Settings;
import dev.gempix2.core.error.ConfigurationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a command's options and the environment say, read into core's {@link GemPix2Settings}: an option given
 * wins over its variable, and a value that cannot be used ends the command with a message naming the option or
 * variable as the user wrote it (exit code 3 for the API key, 2 for the rest).
 */
public final class CommandSettings {

    private CommandSettings() {
    }

    /**
     * @param options {@code --api-key} and {@code --base-url}
     * @param context the environment
     * @param pollInterval {@code --poll-interval}, or null
     * @param model {@code --model}, or null
     * @return the settings
     * @throws CommandFailure naming the option or variable at fault
     */
    public static GemPix2Settings read(ConnectionOptions options, CliContext context, Duration pollInterval,
                                       String model) {
        Map<String, String> given = new LinkedHashMap<>();
        put(given, "--api-key", options.apiKey());
        put(given, "--base-url", options.baseUrl());
        put(given, "--poll-interval", pollInterval == null ? null : pollInterval.toString());
        put(given, "--model", model);
        try {
            return GemPix2Settings.fromCommandLine(given, context.environment());
        } catch (ConfigurationException unusable) {
            throw failure(unusable);
        }
    }

    /**
     * @param unusable what the settings refused
     * @return the command's failure, with the settings' message
     */
    public static CommandFailure failure(ConfigurationException unusable) {
        boolean key = unusable.setting().contains("API_KEY") || unusable.setting().contains("api-key");
        return new CommandFailure(key ? ExitCodes.AUTHENTICATION : ExitCodes.USAGE, unusable.getMessage(), unusable);
    }

    private static void put(Map<String, String> given, String option, String value) {
        if (value != null) {
            given.put(option, value);
        }
    }
}
