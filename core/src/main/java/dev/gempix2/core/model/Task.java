package dev.gempix2.core.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a task as the provider reported it, by a query or a callback.
 *
 * @param id the task
 * @param status where it is
 * @param images the generated images; empty until success (and on failure)
 * @param consumedCredits the credits charged, parsed from the provider's decimal string
 * @param statusMessage the provider's reason on failure, or the model's text when it answered without an image
 * @param createdAt the creation time, when the provider gave one
 */
public record Task(TaskId id, TaskStatus status, List<GeneratedImage> images, Optional<BigDecimal> consumedCredits,
                   Optional<String> statusMessage, Optional<Instant> createdAt) {

    /**
     * Normalizes nulls to empty values; id and status are required.
     *
     * @param id the task
     * @param status where it is
     * @param images the generated images; empty until success (and on failure)
     * @param consumedCredits the credits charged, parsed from the provider's decimal string
     * @param statusMessage the provider's reason on failure, or the model's text when it answered without an image
     * @param createdAt the creation time, when the provider gave one
     */
    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        images = images == null ? List.of() : List.copyOf(images);
        consumedCredits = consumedCredits == null ? Optional.empty() : consumedCredits;
        statusMessage = statusMessage == null ? Optional.empty() : statusMessage.filter(text -> !text.isBlank());
        createdAt = createdAt == null ? Optional.empty() : createdAt;
    }

    /**
     * @param id the task
     * @param status its status
     * @return a snapshot with nothing else known
     */
    public static Task of(TaskId id, TaskStatus status) {
        return new Task(id, status, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * @param id the task
     * @param status its status
     * @return a builder for a snapshot with more fields
     */
    public static Builder builder(TaskId id, TaskStatus status) {
        return new Builder(id, status);
    }

    /** @return true when the status is final ({@code success} or {@code failed}) */
    public boolean isFinal() {
        return status.isFinal();
    }

    /** Builds a {@link Task}. Not thread-safe. */
    public static final class Builder {
        private final TaskId id;
        private final TaskStatus status;
        private List<GeneratedImage> images = List.of();
        private BigDecimal consumedCredits;
        private String statusMessage;
        private Instant createdAt;

        private Builder(TaskId id, TaskStatus status) {
            this.id = id;
            this.status = status;
        }

        /**
         * @param images the generated images; default none
         * @return this builder
         */
        public Builder images(List<GeneratedImage> images) {
            this.images = images;
            return this;
        }

        /**
         * @param credits the credits charged; default unknown
         * @return this builder
         */
        public Builder consumedCredits(BigDecimal credits) {
            this.consumedCredits = credits;
            return this;
        }

        /**
         * @param message the reason or the model's text; default none
         * @return this builder
         */
        public Builder statusMessage(String message) {
            this.statusMessage = message;
            return this;
        }

        /**
         * @param createdAt when the task was created; default unknown
         * @return this builder
         */
        public Builder createdAt(Instant createdAt) {
            this.createdAt = createdAt;
            return this;
        }

        /** @return the snapshot */
        public Task build() {
            return new Task(id, status, images, Optional.ofNullable(consumedCredits),
                    Optional.ofNullable(statusMessage), Optional.ofNullable(createdAt));
        }
    }
}
