package dev.gempix2.core.internal;

import dev.gempix2.core.CallbackOutcome;
import dev.gempix2.core.CallbackReceiver;
import dev.gempix2.core.GemPix2Observer.CallbackHandled;
import dev.gempix2.core.GemPix2Observer.CallbackVerdict;
import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.model.Task;
import java.util.Optional;

/** The client's {@link CallbackReceiver} as its observers see it: each callback's verdict, never its token. */
final class ObservedCallbacks implements CallbackReceiver {
    private final CallbackReceiver receiver;
    private final Observers observers;

    ObservedCallbacks(CallbackReceiver receiver, Observers observers) {
        this.receiver = receiver;
        this.observers = observers;
    }

    @Override
    public CallbackOutcome receive(String token, Task reported) {
        CallbackOutcome outcome;
        try {
            outcome = receiver.receive(token, reported);
        } catch (InvalidRequestException malformed) {
            reportMalformed();
            throw malformed;
        }
        observers.callbackHandled(new CallbackHandled(CallbackVerdict.of(outcome), Optional.of(reported.id()),
                Optional.of(reported.status())));
        return outcome;
    }

    @Override
    public void reportMalformed() {
        observers.callbackHandled(new CallbackHandled(CallbackVerdict.REJECTED, Optional.empty(), Optional.empty()));
    }
}
