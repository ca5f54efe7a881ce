package dev.gempix2.testkit.internal;

import dev.gempix2.testkit.Fault;
import dev.gempix2.testkit.FakeResponse;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * How an endpoint answers a request: its usual answer, computed when it is sent, unless a fault changes or
 * delays it.
 *
 * @param fault the fault met, if any
 * @param usual the usual answer, computed after any latency
 */
public record Answer(Optional<Fault> fault, Supplier<FakeResponse> usual) {

    /**
     * @param response an answer with no fault
     * @return the answer
     */
    public static Answer of(FakeResponse response) {
        return new Answer(Optional.empty(), () -> response);
    }
}
