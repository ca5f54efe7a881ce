package dev.gempix2.cli.internal;

import picocli.CommandLine.Option;

/** The options that say which API to talk to; shared by the commands that send requests. */
public final class ConnectionOptions {

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "GemPix2 API key (default: $GEMPIX2_API_KEY). Prefer the variable: a key on the "
                    + "command line shows up in the process list and the shell history.")
    String apiKey;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "API base URL (default: $GEMPIX2_BASE_URL, else https://api.defapi.org).")
    String baseUrl;

    /** @return the key given with {@code --api-key}, or null */
    public String apiKey() {
        return apiKey;
    }

    /** @return the URL given with {@code --base-url}, or null */
    public String baseUrl() {
        return baseUrl;
    }
}
