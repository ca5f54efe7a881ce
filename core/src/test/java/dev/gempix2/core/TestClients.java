package dev.gempix2.core;

import dev.gempix2.core.fakes.DirectExecutor;
import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.TestClock;

/** A client builder wired to the fakes: virtual clock, direct executor, jitter pinned to the middle. */
final class TestClients {
    private TestClients() {
    }

    static GemPix2Client.Builder on(ScriptedGenerator generator, TestClock clock) {
        return GemPix2Client.builder()
                .generator(generator)
                .clock(clock)
                .callbackExecutor(new DirectExecutor())
                .jitter(() -> 0.5);
    }
}
