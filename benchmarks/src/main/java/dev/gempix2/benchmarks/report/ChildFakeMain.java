package dev.gempix2.benchmarks.report;

import dev.gempix2.testkit.FakeGemPix2Backend;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The scale section's fake backend, in a JVM of its own so that the client's threads and heap are measured
 * apart from the fake's. Prints {@code baseUrl=...} and {@code apiKey=...}; then answers each {@code heap} line
 * on standard input with the settled heap in use ({@code heap=<bytes>}); stops when standard input closes.
 */
public final class ChildFakeMain {

    private ChildFakeMain() {
    }

    /**
     * @param args the stage duration in milliseconds, and the fake's handler threads
     * @throws Exception when standard input fails
     */
    public static void main(String[] args) throws Exception {
        try (FakeGemPix2Backend fake = FakeGemPix2Backend.builder()
                .stageDuration(Duration.ofMillis(Long.parseLong(args[0])))
                .maxThreads(Integer.parseInt(args[1])).start()) {
            System.out.println("baseUrl=" + fake.baseUrl());
            System.out.println("apiKey=" + fake.apiKey().reveal());
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("heap")) {
                    System.out.println("heap=" + ScaleProbe.settledHeapBytes());
                    System.out.flush();
                }
            }
        }
        System.exit(0);
    }
}
