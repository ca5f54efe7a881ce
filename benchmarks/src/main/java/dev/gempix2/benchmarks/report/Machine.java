package dev.gempix2.benchmarks.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where and when the report ran: cores, memory, load average, operating system and JVM.
 *
 * @param cores available processors
 * @param memoryBytes physical memory
 * @param loadAverage {@code /proc/loadavg}'s 1, 5 and 15 minute averages, or the JVM's 1-minute one
 * @param os the operating system
 * @param jvm the JVM's name, version and maximum heap
 * @param date when the run started
 */
record Machine(int cores, long memoryBytes, String loadAverage, String os, String jvm, Instant date) {

    /** @return this machine now */
    static Machine now() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new Machine(Runtime.getRuntime().availableProcessors(), os.getTotalMemorySize(), currentLoadAverage(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vm.vendor") + "), max heap "
                        + Runtime.getRuntime().maxMemory() / 1_048_576 + " MiB, "
                        + String.join(" + ", ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(gc -> gc.getName()).toList()),
                Instant.now());
    }

    /** @return the machine as a JSON object's fields */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("cores", cores);
        json.put("memory_bytes", memoryBytes);
        json.put("load_average_at_start", loadAverage);
        json.put("os", os);
        return json;
    }

    /** @return the current load average, as {@link #loadAverage()} */
    static String currentLoadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException noProc) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
