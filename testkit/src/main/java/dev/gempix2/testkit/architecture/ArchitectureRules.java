package dev.gempix2.testkit.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Objects;

/**
 * The boundaries between the SDK's modules, each stated once: every module's ArchUnit test applies the rules
 * that concern it to its own classes ({@code @ArchTest static final ArchRule x = ArchitectureRules.NO_CORE_INTERNALS;}).
 * An application may apply {@link #NO_CORE_INTERNALS} to its own code as well. Core's own boundaries (the JDK
 * only, the domain knowing only its errors) stay in core's test, since core's tests cannot use the testkit.
 *
 * <p>Needs ArchUnit ({@code com.tngtech.archunit:archunit}) on the test class path; the testkit declares it
 * {@code provided}, so that nothing else of the testkit brings it.
 */
public final class ArchitectureRules {
    /** The root packages of the modules that adapt core to a library, a framework or a command line. */
    private static final List<String> ADAPTERS = List.of("dev.gempix2.transport", "dev.gempix2.micronaut",
            "dev.gempix2.quarkus", "dev.gempix2.cli");

    /** Nothing outside core imports {@code dev.gempix2.core.internal}. */
    public static final ArchRule NO_CORE_INTERNALS = noClasses().should().dependOnClassesThat()
            .resideInAPackage("dev.gempix2.core.internal..")
            .because("core's internal package is not API and may change in any release");

    /** Plain-Java modules run without any application framework on the class path. */
    public static final ArchRule NO_APPLICATION_FRAMEWORK = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.micronaut..", "io.quarkus..", "jakarta.enterprise..", "jakarta.inject..")
            .because("plain-Java modules (the HttpClient 5 transport, the CLI) must run without any framework "
                    + "on the class path");

    /**
     * Code that goes into an application's runtime knows nothing of tests: not the testkit, not JUnit. The
     * Quarkus test resource ({@code dev.gempix2.quarkus.testing}, a test-only artifact whose package nests under
     * the adapter's) is the one exception.
     */
    public static final ArchRule NO_TEST_TOOLS_AT_RUNTIME = noClasses()
            .that().resideOutsideOfPackages("dev.gempix2.testkit..", "dev.gempix2.quarkus.testing..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.gempix2.testkit..", "io.quarkus.test..", "org.junit..", "org.opentest4j..")
            .because("the SDK's runtime modules go into applications; the fake and JUnit belong to their tests");

    /** Only the metrics and tracing bindings, loaded when those libraries are present, touch them. */
    public static final ArchRule ONLY_THE_BINDINGS_KNOW_METRICS_AND_TRACING = noClasses()
            .that().haveNameNotMatching(".*\\$?(MetricsBinding|TracingBinding)(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.opentelemetry..",
                    "dev.gempix2.micrometer..", "dev.gempix2.opentelemetry..")
            .because("Micrometer and OpenTelemetry are optional: only the bindings, loaded when they are present, "
                    + "may touch them");

    private ArchitectureRules() {
    }

    /**
     * @param ownRootPackage the module's root package, e.g. {@code dev.gempix2.micronaut}
     * @return the rule that the module knows no other adapter (transport, Micronaut, Quarkus, CLI)
     * @throws IllegalArgumentException when the package is not one of the adapters' root packages
     */
    public static ArchRule adaptersKnowCoreNeverEachOther(String ownRootPackage) {
        Objects.requireNonNull(ownRootPackage, "ownRootPackage");
        String own = ADAPTERS.stream().filter(ownRootPackage::startsWith).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(ownRootPackage + " is not an adapter's package; "
                        + "adapters are " + ADAPTERS));
        String[] others = ADAPTERS.stream().filter(root -> !root.equals(own)).map(root -> root + "..")
                .toArray(String[]::new);
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .because("adapters know core, never each other");
    }
}
