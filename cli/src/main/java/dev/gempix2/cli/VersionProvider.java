package dev.gempix2.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into the jar, so that {@code --version} never disagrees with the build. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(
                "/META-INF/maven/dev.gempix2/gempix2-cli/pom.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"gempix2 " + properties.getProperty("version", "(development build)"),
                "Java " + System.getProperty("java.version")};
    }
}
