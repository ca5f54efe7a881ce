package dev.gempix2.micronaut.internal;

import dev.gempix2.core.GemPix2Settings;
import dev.gempix2.micronaut.GemPix2Configuration;
import dev.gempix2.micronaut.GemPix2HttpConfiguration;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

/** The {@code gempix2.*} keys as core's {@link GemPix2Settings}: what the client and the transport are built from. */
@Factory
public class SettingsFactory {

    /**
     * @param configuration the {@code gempix2.*} keys
     * @param http the network keys
     * @return the settings, unless the application defines its own {@link GemPix2Settings} bean
     * @throws dev.gempix2.core.error.ConfigurationException naming the key at fault
     */
    @Singleton
    @Requires(missingBeans = GemPix2Settings.class)
    public GemPix2Settings gemPix2Settings(GemPix2Configuration configuration, GemPix2HttpConfiguration http) {
        return ConfigurationSettings.read(configuration, http);
    }
}
