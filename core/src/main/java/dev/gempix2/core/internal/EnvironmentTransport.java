package dev.gempix2.core.internal;

import dev.gempix2.core.GemPix2Settings;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.core.port.ImageGeneratorProvider;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * The transport {@code GemPix2Client.fromEnv} runs on: the settings read from the environment (the key
 * required), the transport found on the class path through {@link ImageGeneratorProvider}.
 */
public final class EnvironmentTransport {
    private static final Logger LOG = System.getLogger("dev.gempix2");

    private EnvironmentTransport() {
    }

    /**
     * @param settings what {@code GemPix2Settings.fromEnvironment} read
     * @return a new transport, which the caller owns
     * @throws dev.gempix2.core.error.ConfigurationException naming {@code GEMPIX2_API_KEY} when it is unset
     * @throws dev.gempix2.core.error.GemPix2Exception naming the missing transport artifact
     */
    public static ImageGenerator create(GemPix2Settings settings) {
        settings.requireApiKey();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ImageGeneratorProvider provider = TransportDiscovery.find(
                loader != null ? loader : EnvironmentTransport.class.getClassLoader());
        ImageGenerator transport = provider.create(settings);
        LOG.log(Level.DEBUG, "GemPix2 client from the environment: transport {0}, {1}", provider.name(), settings);
        return transport;
    }
}
