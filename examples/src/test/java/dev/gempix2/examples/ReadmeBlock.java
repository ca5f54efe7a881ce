package dev.gempix2.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fenced code block of a README that a {@code <!-- run-in-test... -->} comment marks for {@link ReadmeCommandsIT}.
 *
 * @param kind what the test does with it
 * @param lines its lines, with comment lines and blank lines left out and {@code \}-continued lines joined
 */
record ReadmeBlock(Kind kind, List<String> lines) {
    private static final Pattern MARKED = Pattern.compile(
            "<!-- run-in-test(?::\\s*([a-z-]+))?\\s*-->\\s*\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    /** What the test does with a block. */
    enum Kind {
        /** {@code <!-- run-in-test -->}: its commands run, each block in a new terminal at the repository root. */
        RUN,
        /** {@code <!-- run-in-test: done-by-the-build -->}: the SDK's install, which the build has done. */
        DONE_BY_THE_BUILD,
        /** {@code <!-- run-in-test: answer -->}: what the last command prints; its JSON field names are checked. */
        ANSWER
    }

    ReadmeBlock {
        lines = List.copyOf(lines);
    }

    /**
     * @param readme a README.md
     * @return its marked blocks, in order
     * @throws IOException when it cannot be read
     */
    static List<ReadmeBlock> read(Path readme) throws IOException {
        Matcher block = MARKED.matcher(Files.readString(readme));
        List<ReadmeBlock> blocks = new ArrayList<>();
        while (block.find()) {
            blocks.add(new ReadmeBlock(kind(block.group(1)), lines(block.group(2))));
        }
        return blocks;
    }

    private static Kind kind(String label) {
        if (label == null) {
            return Kind.RUN;
        }
        return switch (label) {
            case "done-by-the-build" -> Kind.DONE_BY_THE_BUILD;
            case "answer" -> Kind.ANSWER;
            default -> throw new IllegalArgumentException("unknown run-in-test marker: " + label);
        };
    }

    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : text.replace("\\\n", " ").lines().toList()) {
            String stripped = line.strip();
            if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                pending.append(stripped);
                lines.add(pending.toString());
                pending.setLength(0);
            }
        }
        return lines;
    }
}
