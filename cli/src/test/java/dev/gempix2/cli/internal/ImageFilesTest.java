package dev.gempix2.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.model.ImageData;
import dev.gempix2.core.model.TaskId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10};

    @TempDir
    Path dir;

    @Test
    void namesAFileAfterTheTaskItsNumberAndItsRealMediaType() {
        assertThat(ImageFiles.fileName(TaskId.of("ta5c9705-b8ae"), 2, ImageData.sniff(JPEG)))
                .isEqualTo("ta5c9705-b8ae-2.jpg");
    }

    @Test
    void aTaskIdCannotPointOutsideTheDirectory() {
        assertThat(ImageFiles.fileName(TaskId.of("../../etc/passwd"), 1, ImageData.sniff(JPEG)))
                .isEqualTo("_._.._etc_passwd-1.jpg");
    }

    @Test
    void writesIntoADirectoryItCreates() throws IOException {
        Path out = dir.resolve("nested/out");

        Path file = new ImageFiles(out).write(TaskId.of("ta1"), 1, ImageData.sniff(JPEG));

        assertThat(file).isEqualTo(out.resolve("ta1-1.jpg"));
        assertThat(Files.readAllBytes(file)).isEqualTo(JPEG);
    }
}
