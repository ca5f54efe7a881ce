package dev.gempix2.core.error;

/**
 * A setting is missing or unusable: thrown by {@code GemPix2Settings}' readers, and so by
 * {@code GemPix2Client.fromEnv()}, both framework adapters and the command line, always with a message that
 * starts with the setting's name as the user wrote it: {@code GEMPIX2_API_KEY is not set: ...},
 * {@code gempix2.polling.wait-timeout must be a duration such as 30s ...}, {@code --base-url must be ...}.
 * The message never shows a secret's value.
 */
public class ConfigurationException extends GemPix2Exception {
    private static final long serialVersionUID = 1L;

    private final String setting;

    /**
     * @param setting the setting's name as the user wrote it, e.g. {@code GEMPIX2_API_KEY}
     * @param problem what is wrong, e.g. {@code is not set: ...}; the message is {@code "<setting> <problem>"}
     */
    public ConfigurationException(String setting, String problem) {
        super(setting + " " + problem);
        this.setting = setting;
    }

    /** @return the setting's name as the user wrote it ({@code gempix2.api-key}, {@code GEMPIX2_API_KEY}, ...) */
    public String setting() {
        return setting;
    }
}
