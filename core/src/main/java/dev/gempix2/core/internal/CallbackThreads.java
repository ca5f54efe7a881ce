package dev.gempix2.core.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The client's own executor for continuations and listeners: a few daemon threads that exit when idle. */
public final class CallbackThreads {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private CallbackThreads() {
    }

    /** @return a pool of up to 4 daemon threads named {@code gempix2-callback-<pool>-<n>} */
    public static ExecutorService newPool() {
        int size = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "gempix2-callback-" + pool + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor executor = new ThreadPoolExecutor(size, size, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), factory);
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }
}
