package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.port.ImageGeneratorProvider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The module descriptor: what it exports is every package of core but {@code internal}, and nothing else. */
class ModuleDescriptorTest {

    private static final String INTERNAL = "dev.gempix2.core.internal";

    @Test
    void theModuleExportsEveryPackageOfCoreButInternalUnqualified() throws IOException, URISyntaxException {
        ModuleDescriptor descriptor = descriptor();

        Set<String> exported = descriptor.exports().stream()
                .peek(export -> assertThat(export.isQualified()).as("export of %s", export.source()).isFalse())
                .map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet());

        assertThat(exported).isEqualTo(packagesOfCoreBut(INTERNAL));
    }

    @Test
    void theModuleIsNamedDevGempix2CoreAndNeedsOnlyJavaBase() throws IOException, URISyntaxException {
        ModuleDescriptor descriptor = descriptor();

        assertThat(descriptor.name()).isEqualTo("dev.gempix2.core");
        assertThat(descriptor.requires()).extracting(ModuleDescriptor.Requires::name).containsExactly("java.base");
    }

    @Test
    void theModuleDeclaresTheTransportServiceItLoads() throws IOException, URISyntaxException {
        assertThat(descriptor().uses()).containsExactly(ImageGeneratorProvider.class.getName());
    }

    private static ModuleDescriptor descriptor() throws IOException, URISyntaxException {
        try (InputStream in = Files.newInputStream(mainClasses().resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    private static Set<String> packagesOfCoreBut(String left) throws IOException, URISyntaxException {
        Path root = mainClasses();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .filter(file -> !file.getFileName().toString().equals("module-info.class"))
                    .map(file -> root.relativize(file.getParent()))
                    .map(dir -> dir.toString().replace(dir.getFileSystem().getSeparator(), "."))
                    .filter(name -> !name.equals(left) && !name.startsWith(left + "."))
                    .collect(Collectors.toSet());
        }
    }

    /** Where the build put core's main classes: target/classes, since surefire runs before the jar exists. */
    private static Path mainClasses() throws URISyntaxException {
        return Path.of(GemPix2Client.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }
}
