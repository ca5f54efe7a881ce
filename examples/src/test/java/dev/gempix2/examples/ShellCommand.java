package dev.gempix2.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One README command line as a POSIX shell reads it, for the few forms the example READMEs use: words with
 * single or double quotes, {@code NAME=value} assignments before the command, {@code export NAME=value}.
 *
 * @param environment the assignments before the command (or of an {@code export})
 * @param words the command and its arguments, quotes removed
 */
record ShellCommand(Map<String, String> environment, List<String> words) {

    ShellCommand {
        environment = Map.copyOf(environment);
        words = List.copyOf(words);
    }

    /**
     * @param line a command line
     * @return the line split as a shell would split it
     * @throws IllegalArgumentException for a form the READMEs must not use (pipes, redirections, unclosed quotes)
     */
    static ShellCommand parse(String line) {
        List<String> words = split(line);
        Map<String, String> environment = new LinkedHashMap<>();
        int first = 0;
        if (!words.isEmpty() && words.get(0).equals("export")) {
            first = 1;
        }
        while (first < words.size() && words.get(first).matches("[A-Za-z_][A-Za-z0-9_]*=.*")) {
            String assignment = words.get(first++);
            int equals = assignment.indexOf('=');
            environment.put(assignment.substring(0, equals), assignment.substring(equals + 1));
        }
        return new ShellCommand(environment, words.subList(first, words.size()));
    }

    /** @return the command's name, or "" for a line of assignments only */
    String program() {
        return words.isEmpty() ? "" : words.get(0);
    }

    /**
     * @param option an option taking a value, such as {@code --port}
     * @return its value, or null when absent
     */
    String option(String option) {
        int at = words.indexOf(option);
        return at < 0 || at + 1 >= words.size() ? null : words.get(at + 1);
    }

    private static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if ("|<>;&`$".indexOf(c) >= 0) {
                throw new IllegalArgumentException("the README's commands are run without a shell, so '" + c
                        + "' cannot be used: " + line);
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " in: " + line);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
