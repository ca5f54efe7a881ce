package dev.gempix2.examples.micronaut;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The body of {@code POST /images}.
 *
 * @param prompt what to draw
 */
@Serdeable
public record GenerateImages(@Nullable String prompt) {
}
