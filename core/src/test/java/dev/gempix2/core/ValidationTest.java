package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gempix2.core.error.InvalidRequestException;
import dev.gempix2.core.fakes.ScriptedGenerator;
import dev.gempix2.core.fakes.TestClock;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Model;
import dev.gempix2.core.model.TaskId;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Invalid input fails before anything is sent, naming the field at fault. */
class ValidationTest {
    private final ScriptedGenerator generator = new ScriptedGenerator();
    private final GemPix2Client client = TestClients.on(generator, new TestClock()).build();

    @Test
    void aBlankPromptIsRejectedNamingPrompt() {
        assertRejected(() -> client.submit(ImageRequest.of("   ")), "prompt");
    }

    @Test
    void fiveReferenceImagesAreRejectedNamingImages() {
        List<URI> five = Collections.nCopies(5, URI.create("https://img.example/ref.png"));

        assertRejected(() -> client.submit(ImageRequest.builder().prompt("a cat").referenceImages(five).build()),
                "images");
    }

    @Test
    void anFtpReferenceImageIsRejectedNamingIt() {
        assertRejected(() -> client.submit(ImageRequest.builder().prompt("a cat")
                .referenceImage(URI.create("ftp://files.example/ref.png")).build()), "images[0]");
    }

    @Test
    void anInvalidModelIdIsRejectedNamingModel() {
        assertRejected(() -> client.submit(ImageRequest.builder().model("google gempix2!").prompt("a cat").build()),
                "model");
        assertRejected(() -> Model.of(""), "model");
    }

    @Test
    void anExtraFieldWithNoJsonFormIsRejectedNamingIt() {
        assertRejected(() -> ImageRequest.builder().prompt("a cat").extra("seed", Double.NaN).build(), "seed");
        assertRejected(() -> ImageRequest.builder().prompt("a cat").extra("when", new Object()).build(), "when");
    }

    @Test
    void aNullRequestIsRejectedNamingIt() {
        assertRejected(() -> client.submit(null), "request");
        assertRejected(() -> client.generate(null), "request");
    }

    @Test
    void aMalformedTaskIdIsRejectedNamingIt() {
        assertRejected(() -> client.task(TaskId.of("has spaces")), "task_id");
        assertRejected(() -> client.await(null), "task_id");
    }

    @Test
    void aCallbackBaseUrlMustBeAbsoluteHttp() {
        assertThatThrownBy(() -> GemPix2Client.builder().callbackBaseUrl(URI.create("/relative/path")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("callbackBaseUrl");
    }

    @Test
    void aClientNeedsAGenerator() {
        assertThatThrownBy(() -> GemPix2Client.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("generator");
    }

    private void assertRejected(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidRequestException.class, invalid -> {
            assertThat(invalid.field()).hasValue(field);
            assertThat(invalid.httpStatus()).isZero();
            assertThat(invalid.getMessage()).startsWith(field + ":");
        });
        assertThat(generator.submits().count()).as("nothing sent").isZero();
        assertThat(generator.queries().count()).as("nothing sent").isZero();
    }
}
