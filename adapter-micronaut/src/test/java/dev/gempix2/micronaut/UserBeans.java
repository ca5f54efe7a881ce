package dev.gempix2.micronaut;

import dev.gempix2.core.GemPix2Client;
import dev.gempix2.core.defaults.InMemoryTaskRepository;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.port.Clock;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.port.ImageGenerator;
import dev.gempix2.core.port.TaskRepository;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** What an application might define itself; on only in the tests that set the property they require. */
@Factory
class UserBeans {
    static final Instant FROZEN = Instant.parse("2030-01-01T00:00:00Z");

    /** A repository of the application's own, e.g. over its database. */
    static final class UserRepository implements TaskRepository {
        private final InMemoryTaskRepository delegate = new InMemoryTaskRepository();

        @Override
        public void save(TaskRecord record) {
            delegate.save(record);
        }

        @Override
        public Optional<TaskRecord> findByTaskId(TaskId id) {
            return delegate.findByTaskId(id);
        }

        @Override
        public Optional<TaskRecord> findByCallbackToken(String token) {
            return delegate.findByCallbackToken(token);
        }

        @Override
        public List<TaskRecord> findUnfinished() {
            return delegate.findUnfinished();
        }
    }

    /** A clock frozen in time that never runs what is scheduled. */
    static final class FrozenClock implements Clock {
        @Override
        public Instant now() {
            return FROZEN;
        }

        @Override
        public Scheduled schedule(Duration delay, Runnable action) {
            return () -> { };
        }
    }

    @Singleton
    @Requires(property = "test.user-beans", value = "parts")
    ScriptedGenerator userGenerator() {
        return new ScriptedGenerator();
    }

    @Singleton
    @Requires(property = "test.user-beans", value = "parts")
    ImageDownloader userDownloader() {
        return (url, maxBytes) -> CompletableFuture.completedFuture(new byte[] {1, 2, 3});
    }

    @Singleton
    @Requires(property = "test.user-beans", value = "parts")
    TaskRepository userRepository() {
        return new UserRepository();
    }

    @Singleton
    @Requires(property = "test.user-beans", value = "parts")
    Clock userClock() {
        return new FrozenClock();
    }

    @Singleton
    @Bean(preDestroy = "close")
    @Requires(property = "test.user-beans", value = "client")
    GemPix2Client userClient() {
        return GemPix2Client.builder().generator(new ScriptedGenerator()).build();
    }

    /** Only the generator is replaced: the controller tests script the API's answers. */
    @Singleton
    @Requires(property = "test.user-beans", value = "generator")
    ScriptedGenerator scriptedGenerator() {
        return new ScriptedGenerator();
    }
}
