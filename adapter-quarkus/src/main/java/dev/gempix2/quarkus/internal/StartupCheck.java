package dev.gempix2.quarkus.internal;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.quarkus.GemPix2Config;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.lang.System.Logger.Level;
import java.net.URI;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * At startup: warns about unknown {@code gempix2.*} keys by name, and builds the client, so that a missing
 * {@code gempix2.api-key} stops the application now rather than at its first request.
 */
@Singleton
public class StartupCheck {
    private static final System.Logger LOG = System.getLogger("dev.gempix2");

    void onStart(@Observes StartupEvent event, GemPix2Config config, GemPix2Client client) {
        for (String key : ConfigReading.unknownKeys(ConfigProvider.getConfig().getPropertyNames())) {
            LOG.log(Level.WARNING, "Unknown configuration key {0} is ignored; GemPix2 reads {1}", key,
                    String.join(", ", ConfigReading.KNOWN_KEYS.stream().sorted().toList()));
        }
        ConfigReading.callbackBaseUrl(config).ifPresent(base -> warnIfPathsDiffer(base, ConfigReading.callbackPath(config)));
    }

    private static void warnIfPathsDiffer(URI base, String path) {
        // A proxy may rewrite paths, so a mismatch is a hint rather than an error.
        String basePath = base.getPath() == null ? "" : base.getPath().replaceAll("/+$", "");
        if (!basePath.endsWith(path)) {
            LOG.log(Level.WARNING, "gempix2.callback.base-url ({0}) does not end with gempix2.callback.path ({1}): "
                    + "callbacks reach this application only if a proxy maps one onto the other", base, path);
        }
    }
}
