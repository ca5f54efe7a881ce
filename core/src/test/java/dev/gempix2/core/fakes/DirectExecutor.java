package dev.gempix2.core.fakes;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs every task at once on the calling thread, so a test on a {@link TestClock} stays on one thread. */
public final class DirectExecutor implements Executor {
    private final AtomicInteger runs = new AtomicInteger();

    @Override
    public void execute(Runnable command) {
        runs.incrementAndGet();
        command.run();
    }

    /** @return how many tasks ran */
    public int runs() {
        return runs.get();
    }
}
