package dev.gempix2.quarkus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.gempix2.quarkus", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule knowsNoOtherFramework = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.micronaut..")
            .because("the Quarkus adapter must not drag Micronaut into a Quarkus application");

    @ArchTest
    static final ArchRule usesTheQuarkusRestClientNotHttpClient5 = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.apache.hc..")
            .because("its transport is the Quarkus REST Client, so that quarkus.rest-client.gempix2.* applies");

    @ArchTest
    static final ArchRule knowsNoOtherAdapter = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.gempix2.transport..", "dev.gempix2.micronaut..", "dev.gempix2.cli..")
            .because("adapters know core, never each other");

    @ArchTest
    static final ArchRule staysOutOfCoreInternals = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.gempix2.core.internal..")
            .because("core's internal package is not API and may change in any release");

    @ArchTest
    static final ArchRule knowsNoTestkit = noClasses()
            // That package is gempix2-quarkus-testing's, here on the test class path only.
            .that().resideOutsideOfPackage("dev.gempix2.quarkus.testing..")
            .should().dependOnClassesThat()
            .resideInAnyPackage("dev.gempix2.testkit..", "io.quarkus.test..", "org.junit..")
            .because("the adapter goes into applications' runtime; the test resource is gempix2-quarkus-testing");

    @ArchTest
    static final ArchRule publicApiDoesNotLeakInternals = noClasses().that().resideInAPackage("dev.gempix2.quarkus")
            .should().dependOnClassesThat().resideInAPackage("dev.gempix2.quarkus.internal..")
            .because("users see dev.gempix2.quarkus; the implementation may change behind it");

    @ArchTest
    static final ArchRule onlyTheBindingsKnowMetricsAndTracing = noClasses()
            .that().haveNameNotMatching(".*\\$?(MetricsBinding|TracingBinding)(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.opentelemetry..",
                    "dev.gempix2.micrometer..", "dev.gempix2.opentelemetry..")
            .because("Micrometer and OpenTelemetry are optional: only the bindings, loaded when they are present, "
                    + "may touch them");
}
