package dev.gempix2.quarkus.internal;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.GemPix2Settings;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.quarkus.GemPix2Config;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Startup: every {@code gempix2.*} key is checked, so a missing {@code gempix2.api-key} stops the application
 * with a message naming it, and unknown keys are warned about by name. The client itself is built once the
 * HTTP server listens (so a callback URL may use the port it got, e.g. {@code ${quarkus.http.test-port}}), and
 * it then re-attaches waits to the tasks its repository holds unfinished.
 */
@Singleton
public class StartupCheck {
    private static final System.Logger LOG = System.getLogger("dev.gempix2");

    void checkConfig(@Observes StartupEvent event, GemPix2Config config, InjectableInstance<ImageGenerator> generator) {
        for (String key : ConfigReading.unknownKeys(ConfigProvider.getConfig().getPropertyNames())) {
            LOG.log(Level.WARNING, "Unknown configuration key {0} is ignored; GemPix2 reads {1}", key,
                    String.join(", ", ConfigReading.KNOWN_KEYS.stream().sorted().toList()));
        }
        GemPix2Settings settings = ConfigReading.settings(config);
        String path = settings.callbackPath();
        settings.callbackBaseUrl().ifPresent(base -> warnIfPathsDiffer(base, path));
        if (generator.getHandle().getBean().getBeanClass().equals(GemPix2Beans.class)) {
            // An application that brings its own ImageGenerator needs no key from us.
            settings.requireApiKey();
        }
    }

    void startClient(@ObservesAsync HttpServerStart started, Instance<GemPix2Client> client) {
        try {
            List<TaskId> resumed = client.get().resumeUnfinished();
            if (!resumed.isEmpty()) {
                LOG.log(Level.INFO, "GemPix2: waiting again for {0} unfinished task(s) from before the restart",
                        resumed.size());
            }
        } catch (RuntimeException failed) {
            // Quarkus fires this event asynchronously and drops what an observer throws: say it here.
            LOG.log(Level.ERROR, "GemPix2: could not start the client or resume unfinished tasks", failed);
        }
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
