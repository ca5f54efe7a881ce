package dev.gempix2.examples.quarkus;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The body of {@code POST /images}.
 *
 * @param prompt what to draw; required
 * @param model a model id; default {@code gempix2.model}
 */
@RegisterForReflection
public record GenerateImage(String prompt, String model) {
}
