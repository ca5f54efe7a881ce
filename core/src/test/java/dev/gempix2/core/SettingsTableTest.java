package dev.gempix2.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gempix2.core.internal.SettingKey;
import dev.gempix2.core.internal.SettingKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The root README's one table of every key agrees with the settings' key list, and its defaults are the defaults. */
class SettingsTableTest {
    private static final String HEADER = "| framework key | environment variable | CLI option | default | meaning |";

    @Test
    void theReadmeTableListsEveryKeyWithItsNamesDefaultAndMeaning() throws IOException {
        List<List<String>> rows = readmeRows();

        List<List<String>> expected = SettingKeys.ALL.stream().map(key -> List.of(
                key == SettingKeys.DEFAULT_HEADERS ? key.key() + ".<Name>" : key.key(),
                key.environmentVariable(),
                key.cliOption() == null ? "—" : key.cliOption(),
                key.defaultText(),
                key.meaning())).toList();
        assertThat(rows).containsExactlyElementsOf(expected);
    }

    @Test
    void everyDefaultTheTableShowsIsTheDefaultTheSettingsHold() {
        String defaults = GemPix2Settings.defaults().toString();
        for (SettingKey key : SettingKeys.ALL) {
            if (key.defaultText().matches("required|unset|none")) {
                continue;
            }
            GemPix2Settings read = GemPix2Settings.fromProperties(Map.of(key.key(), key.defaultText()));

            assertThat(read.toString()).as(key.key()).isEqualTo(defaults);
        }
    }

    private static List<List<String>> readmeRows() throws IOException {
        Path readme = Path.of("..", "README.md");
        List<String> lines = Files.readAllLines(readme);
        int start = lines.indexOf(HEADER);
        assertThat(start).as("README.md has the settings table headed " + HEADER).isNotNegative();
        List<List<String>> rows = new ArrayList<>();
        for (int i = start + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String line = lines.get(i);
            rows.add(Arrays.stream(line.substring(1, line.length() - 1).split(" \\| "))
                    .map(String::strip)
                    .map(cell -> cell.matches("`[^`]*`") ? cell.substring(1, cell.length() - 1) : cell)
                    .toList());
        }
        return rows;
    }
}
