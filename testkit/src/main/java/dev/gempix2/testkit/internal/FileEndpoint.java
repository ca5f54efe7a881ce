package dev.gempix2.testkit.internal;

import dev.gempix2.core.model.TaskId;
import dev.gempix2.testkit.FakeResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code GET /files/<task>/<n>.png}: the images of successful tasks, like the provider's file host (no key). */
final class FileEndpoint {
    /** The path prefix of image files. */
    static final String PREFIX = "/files/";
    private static final Pattern PATH = Pattern.compile("/files/([^/]{1,200})/([1-4])\\.png");

    private final BackendContext context;

    FileEndpoint(BackendContext context) {
        this.context = context;
    }

    FakeResponse answer(String path) {
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            return ProviderAnswers.notFound("file");
        }
        byte[] png;
        try {
            png = context.tasks().find(TaskId.of(matcher.group(1)))
                    .map(task -> task.imageIfPresent(Integer.parseInt(matcher.group(2)), context.clock().now()))
                    .orElse(null);
        } catch (RuntimeException notAnId) {
            png = null;
        }
        return png == null ? ProviderAnswers.notFound("file")
                : FakeResponse.of(200, "image/png", png).withHeader("Cache-Control", "max-age=86400");
    }
}
