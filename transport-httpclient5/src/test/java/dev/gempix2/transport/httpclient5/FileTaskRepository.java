package dev.gempix2.transport.httpclient5;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gempix2.core.model.GeneratedImage;
import dev.gempix2.core.model.ImageRequest;
import dev.gempix2.core.model.Model;
import dev.gempix2.core.model.Task;
import dev.gempix2.core.model.TaskId;
import dev.gempix2.core.model.TaskRecord;
import dev.gempix2.core.model.TaskStatus;
import dev.gempix2.core.port.TaskRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A task store in a folder, one JSON file per record written atomically (a temporary file moved over the old
 * one), so that a JVM killed at any moment leaves every record either as before or as after. Enough for the
 * restart tests: the folder is read once when the store opens (one process at a time uses it), and finds are
 * served from memory.
 */
final class FileTaskRepository implements TaskRepository {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path folder;
    private final Map<String, TaskRecord> records = new java.util.concurrent.ConcurrentHashMap<>();

    FileTaskRepository(Path folder) {
        this.folder = folder;
        try {
            Files.createDirectories(folder);
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                    TaskRecord record = read(JSON.readTree(file.toFile()));
                    records.put(record.recordId(), record);
                }
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @Override
    public synchronized void save(TaskRecord record) {
        try {
            Path temporary = Files.createTempFile(folder, "record", ".tmp");
            Files.write(temporary, JSON.writeValueAsBytes(write(record)));
            Files.move(temporary, folder.resolve(record.recordId() + ".json"), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            records.put(record.recordId(), record);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @Override
    public Optional<TaskRecord> findByTaskId(TaskId id) {
        return all().stream().filter(r -> r.taskId().filter(id::equals).isPresent()).findFirst();
    }

    @Override
    public Optional<TaskRecord> findByCallbackToken(String callbackToken) {
        return all().stream().filter(r -> r.callbackToken().filter(callbackToken::equals).isPresent()).findFirst();
    }

    @Override
    public List<TaskRecord> findUnfinished() {
        return all().stream().filter(Predicate.not(TaskRecord::isFinished)).toList();
    }

    List<TaskRecord> all() {
        return List.copyOf(records.values());
    }

    private static ObjectNode write(TaskRecord record) {
        ObjectNode node = JSON.createObjectNode().put("recordId", record.recordId())
                .put("createdAt", record.createdAt().toString()).put("updatedAt", record.updatedAt().toString());
        record.request().ifPresent(request -> {
            ObjectNode r = node.putObject("request").put("model", request.model().id()).put("prompt", request.prompt());
            request.callbackUrl().ifPresent(url -> r.put("callbackUrl", url.toString()));
            request.referenceImages().forEach(image -> r.withArray("images").add(image.toString()));
            r.set("extra", JSON.valueToTree(request.extra()));
        });
        record.callbackToken().ifPresent(token -> node.put("token", token));
        record.taskId().ifPresent(id -> node.put("taskId", id.value()));
        record.abandonedBecause().ifPresent(reason -> node.put("abandoned", reason));
        record.lastSnapshot().ifPresent(task -> {
            ObjectNode t = node.putObject("snapshot").put("id", task.id().value())
                    .put("status", task.status().wireValue());
            task.images().forEach(image -> t.withArray("images").add(image.location()));
            task.consumedCredits().ifPresent(credits -> t.put("consumed", credits.toPlainString()));
            task.statusMessage().ifPresent(message -> t.put("message", message));
            task.createdAt().ifPresent(at -> t.put("createdAt", at.toString()));
        });
        return node;
    }

    @SuppressWarnings("unchecked")
    private static TaskRecord read(JsonNode node) {
        Optional<ImageRequest> request = Optional.ofNullable(node.get("request")).map(r -> {
            ImageRequest.Builder builder = ImageRequest.builder().model(Model.of(r.get("model").asText()))
                    .prompt(r.get("prompt").asText());
            r.path("images").forEach(image -> builder.referenceImage(URI.create(image.asText())));
            if (r.has("callbackUrl")) {
                builder.callbackUrl(URI.create(r.get("callbackUrl").asText()));
            }
            JSON.convertValue(r.path("extra"), Map.class).forEach((k, v) -> builder.extra((String) k, v));
            return builder.build();
        });
        Optional<Task> snapshot = Optional.ofNullable(node.get("snapshot")).map(t -> {
            List<GeneratedImage> images = new ArrayList<>();
            t.path("images").forEach(image -> images.add(new GeneratedImage(image.asText())));
            return new Task(TaskId.of(t.get("id").asText()), TaskStatus.fromWire(t.get("status").asText()), images,
                    Optional.ofNullable(t.get("consumed")).map(c -> new BigDecimal(c.asText())),
                    Optional.ofNullable(t.get("message")).map(JsonNode::asText),
                    Optional.ofNullable(t.get("createdAt")).map(c -> Instant.parse(c.asText())));
        });
        return new TaskRecord(node.get("recordId").asText(), request,
                Optional.ofNullable(node.get("token")).map(JsonNode::asText),
                Optional.ofNullable(node.get("taskId")).map(id -> TaskId.of(id.asText())), snapshot,
                Optional.ofNullable(node.get("abandoned")).map(JsonNode::asText),
                Instant.parse(node.get("createdAt").asText()), Instant.parse(node.get("updatedAt").asText()));
    }
}
