package dev.gempix2.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.json.JsonMapper;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationMetadataTest {

    @Test
    void theJarDocumentsEveryKeyForIdes() throws Exception {
        Map<?, ?> metadata;
        try (InputStream in = GemPix2Configuration.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("Micronaut's generated configuration metadata").isNotNull();
            metadata = JsonMapper.createDefault().readValue(in.readAllBytes(), Map.class);
        }

        List<?> properties = (List<?>) metadata.get("properties");
        List<String> names = properties.stream().map(property -> (String) ((Map<?, ?>) property).get("name")).toList();
        assertThat(names).contains(
                "gempix2.api-key", "gempix2.base-url", "gempix2.model",
                "gempix2.polling.initial-delay", "gempix2.polling.max-interval", "gempix2.polling.wait-timeout",
                "gempix2.retry.max-retries",
                "gempix2.callback.base-url", "gempix2.callback.path", "gempix2.callback.verify",
                "gempix2.repository.type", "gempix2.repository.datasource", "gempix2.repository.table",
                "gempix2.repository.lease",
                "gempix2.call-timeout", "gempix2.connect-timeout", "gempix2.response-timeout",
                "gempix2.downloads.max-bytes", "gempix2.proxy.url", "gempix2.proxy.username",
                "gempix2.proxy.password", "gempix2.proxy.non-proxy-hosts", "gempix2.default-headers",
                "gempix2.user-agent-suffix");
        assertThat(properties).allSatisfy(property ->
                assertThat((String) ((Map<?, ?>) property).get("description")).isNotBlank());
    }
}
