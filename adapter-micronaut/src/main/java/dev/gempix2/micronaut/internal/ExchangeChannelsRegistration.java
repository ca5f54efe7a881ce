package dev.gempix2.micronaut.internal;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.client.netty.NettyClientCustomizer;
import jakarta.inject.Singleton;

/**
 * Registers {@link ExchangeChannels}' customizer with the application's Netty HTTP clients, so that a GemPix2 call
 * past its deadline closes its connection instead of leaving it to a silent server.
 */
@Singleton
public final class ExchangeChannelsRegistration implements BeanCreatedEventListener<NettyClientCustomizer.Registry> {
    /** Created by the application context. */
    public ExchangeChannelsRegistration() {
    }

    /**
     * @param event the registry's creation
     * @return the registry, with the customizer registered
     */
    @Override
    public NettyClientCustomizer.Registry onCreated(BeanCreatedEvent<NettyClientCustomizer.Registry> event) {
        event.getBean().register(ExchangeChannels.customizer());
        return event.getBean();
    }
}
