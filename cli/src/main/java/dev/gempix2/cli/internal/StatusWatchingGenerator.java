package dev.gempix2.cli.internal;

import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.ImageGenerator;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Passes every call on to the transport, and shows each status a query answers to the progress report.
 *
 * <p>Why: the client tells its {@code TaskListener}s about the tasks it submitted itself, but {@code wait}
 * follows a task submitted by an earlier run, of which this client keeps no record; its progress comes from
 * here. The report ignores a status it has already shown, so for {@code generate} both sources agree.
 */
final class StatusWatchingGenerator implements ImageGenerator {
    private final ImageGenerator transport;
    private final Consumer<Task> watcher;

    /**
     * @param transport the real transport
     * @param watcher sees each snapshot a query returns; runs on the transport's I/O thread, so it must be
     *                quick and must not block (the progress report only prints one short line)
     */
    StatusWatchingGenerator(ImageGenerator transport, Consumer<Task> watcher) {
        this.transport = transport;
        this.watcher = watcher;
    }

    @Override
    public CompletableFuture<TaskId> submit(ImageRequest request) {
        return transport.submit(request);
    }

    @Override
    public CompletableFuture<Task> query(TaskId id) {
        return transport.query(id).whenComplete((task, error) -> {
            if (task != null) {
                watcher.accept(task);
            }
        });
    }

    @Override
    public void close() {
        transport.close();
    }
}
