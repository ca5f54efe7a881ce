package dev.gempix2.examples.micronaut;

import io.micronaut.runtime.Micronaut;

/**
 * A small Micronaut service that generates pictures with GemPix2: {@code POST /images} with a prompt answers
 * with the images' URLs and the files it saved. With {@code gempix2.callback.base-url} set, the provider's
 * callbacks complete the wait; polling stays as a safety net.
 *
 * <pre>{@code
 * GEMPIX2_API_KEY=dk-... java -jar target/gempix2-micronaut-app.jar     (after ../../mvnw -B -q package -DskipTests)
 * curl -X POST localhost:8080/images -H 'Content-Type: application/json' -d '{"prompt":"a lighthouse at dawn"}'
 * }</pre>
 */
public final class Application {
    private Application() {
    }

    /** @param args command-line arguments, passed to Micronaut */
    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
