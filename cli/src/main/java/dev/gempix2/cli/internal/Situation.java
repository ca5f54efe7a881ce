package dev.gempix2.cli.internal;

import dev.gempix2.core.model.ApiKey;
import dev.gempix2.core.model.TaskId;
import java.net.URI;

/**
 * What an error message needs to know about where the command sent its requests, to say what to do next.
 *
 * @param baseUrl the API the command talks to
 * @param key the key it sends; null on the embedded fake backend
 * @param keyOrigin where the key came from ({@code GEMPIX2_API_KEY} or {@code --api-key}); null on the embedded fake
 * @param commandPrefix how this program is run, e.g. {@code java -jar cli/target/gempix2.jar}
 * @param baseUrlFromOption whether the base URL was given as {@code --base-url} (so a resume command repeats it)
 */
public record Situation(URI baseUrl, ApiKey key, String keyOrigin, String commandPrefix, boolean baseUrlFromOption) {

    /** @return whether the command runs on the fake backend it started itself, which ends with the command */
    public boolean embeddedFake() {
        return key == null;
    }

    /**
     * @param id the task
     * @return the command that resumes waiting for it, or null when the task cannot outlive this command
     */
    public String resumeCommand(TaskId id) {
        if (embeddedFake()) {
            return null;
        }
        return commandPrefix + " wait " + id.value()
                + (baseUrlFromOption ? " --base-url " + baseUrl : "")
                + ("--api-key".equals(keyOrigin) ? " --api-key <your key>" : "");
    }
}
