package dev.gempix2.examples.quarkus;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An error answer.
 *
 * @param error what went wrong, for a person
 */
@RegisterForReflection
public record Problem(String error) {
}
