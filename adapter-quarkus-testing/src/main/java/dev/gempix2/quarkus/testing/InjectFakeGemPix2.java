package dev.gempix2.quarkus.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code FakeGemPix2Backend} field of a {@code @QuarkusTest} that {@link FakeGemPix2Resource} fills with
 * the running fake, for its journal and scripting.
 *
 * <pre>{@code
 * @InjectFakeGemPix2
 * FakeGemPix2Backend fake;
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectFakeGemPix2 {
}
