package dev.gempix2.core.internal;

import java.util.Locale;

/**
 * One setting of {@code GemPix2Settings} and the three ways a user writes its name: the framework key
 * ({@code gempix2.polling.wait-timeout}), the environment variable derived from it
 * ({@code GEMPIX2_POLLING_WAIT_TIMEOUT}) and, for some, a command-line option ({@code --timeout}).
 *
 * @param key the framework key, {@code gempix2.} and kebab-case words joined by dots
 * @param cliOption the command-line option, or null when the command line has none
 * @param javaName the name the builders use in their messages, e.g. {@code waitTimeout}
 * @param defaultText the default as the README's table shows it
 * @param meaning what the setting is for, one line
 * @param secret whether the value must never be shown
 */
public record SettingKey(String key, String cliOption, String javaName, String defaultText, String meaning,
                         boolean secret) {

    /**
     * Checks the key's form.
     *
     * @param key the framework key, {@code gempix2.} and kebab-case words joined by dots
     * @param cliOption the command-line option, or null when the command line has none
     * @param javaName the name the builders use in their messages, e.g. {@code waitTimeout}
     * @param defaultText the default as the README's table shows it
     * @param meaning what the setting is for, one line
     * @param secret whether the value must never be shown
     */
    public SettingKey {
        if (key == null || !key.matches("gempix2(\\.[a-z][a-z0-9-]*)+")) {
            throw new IllegalArgumentException("a setting key is gempix2. and kebab-case words, got " + key);
        }
        if (cliOption != null && !cliOption.matches("--[a-z][a-z-]*")) {
            throw new IllegalArgumentException("a command-line option starts with --, got " + cliOption);
        }
    }

    /** @return the environment variable: the key upper-cased, dots and dashes as underscores */
    public String environmentVariable() {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
