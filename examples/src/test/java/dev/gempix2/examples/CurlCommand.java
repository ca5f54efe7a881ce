package dev.gempix2.examples;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A README's {@code curl} line as the JDK's HTTP client sends it: the options the READMEs use ({@code -s},
 * {@code -X}, {@code -H}, {@code -d}) and a URL with or without {@code http://}, as curl reads it.
 *
 * @param method the HTTP method
 * @param uri where to
 * @param headers name and value pairs
 * @param body the {@code -d} data, or null
 */
record CurlCommand(String method, URI uri, List<String[]> headers, String body) {

    CurlCommand {
        headers = List.copyOf(headers);
    }

    /**
     * @param command a parsed {@code curl} line
     * @return what curl would send
     * @throws IllegalArgumentException for an option this reading does not know, so that it is never ignored
     */
    static CurlCommand of(ShellCommand command) {
        List<String> words = command.words();
        String method = null;
        String url = null;
        String body = null;
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "-s", "--silent" -> { }
                case "-X", "--request" -> method = words.get(++i);
                case "-H", "--header" -> {
                    String header = words.get(++i);
                    int colon = header.indexOf(':');
                    headers.add(new String[] {header.substring(0, colon).strip(), header.substring(colon + 1).strip()});
                }
                case "-d", "--data" -> body = words.get(++i);
                default -> {
                    if (word.startsWith("-") || url != null) {
                        throw new IllegalArgumentException("curl " + word + " is not understood by the test: "
                                + String.join(" ", words));
                    }
                    url = word;
                }
            }
        }
        if (url == null) {
            throw new IllegalArgumentException("curl without a URL: " + String.join(" ", words));
        }
        URI uri = URI.create(url.contains("://") ? url : "http://" + url);
        return new CurlCommand(method != null ? method : body != null ? "POST" : "GET", uri, headers, body);
    }

    /**
     * @param timeout how long the answer may take
     * @return the request curl would send (curl adds a form content type to {@code -d} data without one)
     */
    HttpRequest request(Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        boolean typed = false;
        for (String[] header : headers) {
            request.header(header[0], header[1]);
            typed |= header[0].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            request.header("Content-Type", "application/x-www-form-urlencoded");
        }
        return request.build();
    }
}
