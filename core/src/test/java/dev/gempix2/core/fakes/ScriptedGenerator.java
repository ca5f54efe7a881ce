package dev.gempix2.core.fakes;

import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.port.ImageDownloader;
import dev.gempix2.core.port.ImageGenerator;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** A fake transport whose submits, queries and downloads answer what the test queued in their {@link Script}s. */
public final class ScriptedGenerator implements ImageGenerator, ImageDownloader {
    private final Script<ImageRequest, TaskId> submits = new Script<>("submit");
    private final Script<TaskId, Task> queries = new Script<>("query");
    private final Script<URI, byte[]> downloads = new Script<>("download");
    private final AtomicLong lastMaxBytes = new AtomicLong(-1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Executor io;

    /**
     * Makes every answer complete on the given executor, as a real transport's I/O thread would.
     *
     * @param io the fake I/O thread
     * @return this generator
     */
    public ScriptedGenerator completingOn(Executor io) {
        this.io = io;
        return this;
    }

    /** @return the submit answers and journal */
    public Script<ImageRequest, TaskId> submits() {
        return submits;
    }

    /** @return the query answers and journal */
    public Script<TaskId, Task> queries() {
        return queries;
    }

    /** @return the download answers and journal */
    public Script<URI, byte[]> downloads() {
        return downloads;
    }

    /** @return the size cap of the last download */
    public long lastMaxBytes() {
        return lastMaxBytes.get();
    }

    /** @return true once closed */
    public boolean isClosed() {
        return closed.get();
    }

    @Override
    public CompletableFuture<TaskId> submit(ImageRequest request) {
        return relay(submits.call(request));
    }

    @Override
    public CompletableFuture<Task> query(TaskId id) {
        return relay(queries.call(id));
    }

    @Override
    public CompletableFuture<byte[]> download(URI url, long maxBytes) {
        lastMaxBytes.set(maxBytes);
        return relay(downloads.call(url));
    }

    private <T> CompletableFuture<T> relay(CompletableFuture<T> answer) {
        Executor thread = io;
        if (thread == null) {
            return answer;
        }
        CompletableFuture<T> relayed = new CompletableFuture<>();
        answer.whenComplete((value, error) -> thread.execute(() -> {
            if (error != null) {
                relayed.completeExceptionally(error);
            } else {
                relayed.complete(value);
            }
        }));
        return relayed;
    }

    @Override
    public void close() {
        closed.set(true);
    }

    @Override
    public String toString() {
        return "ScriptedGenerator";
    }
}
