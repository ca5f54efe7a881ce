package dev.gempix2.core.internal;

import dev.gempix2.core.error.GemPix2Exception;
import dev.gempix2.core.port.ImageGeneratorProvider;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Finds the transport on the class path for {@code GemPix2Client.fromEnv()}. */
public final class TransportDiscovery {
    /** The artifact to add when no transport is found. */
    public static final String DEFAULT_TRANSPORT_ARTIFACT = "dev.gempix2:gempix2-transport-httpclient5";

    private TransportDiscovery() {
    }

    /**
     * @param classLoader where to look
     * @return the provider with the highest priority
     * @throws GemPix2Exception naming the artifact to add when there is none
     */
    public static ImageGeneratorProvider find(ClassLoader classLoader) {
        List<ImageGeneratorProvider> found;
        try {
            found = ServiceLoader.load(ImageGeneratorProvider.class, classLoader).stream()
                    .map(ServiceLoader.Provider::get)
                    .toList();
        } catch (ServiceConfigurationError broken) {
            throw new GemPix2Exception("A GemPix2 transport on the class path could not be loaded: "
                    + broken.getMessage(), broken);
        }
        return found.stream()
                .max(Comparator.comparingInt(ImageGeneratorProvider::priority))
                .orElseThrow(() -> new GemPix2Exception("No GemPix2 transport on the class path: add the artifact "
                        + DEFAULT_TRANSPORT_ARTIFACT + " (or another module that provides "
                        + ImageGeneratorProvider.class.getName() + ")"));
    }
}
