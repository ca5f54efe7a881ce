package dev.gempix2.micronaut;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.gempix2.micronaut", importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {

    @ArchTest
    static final ArchRule noQuarkus = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.quarkus..", "org.jboss.resteasy..", "jakarta.enterprise..")
            .because("the Micronaut adapter must work in an application that has no Quarkus on its class path");

    @ArchTest
    static final ArchRule noApacheHttpClient = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.apache.hc..", "org.apache.http..")
            .because("the adapter talks HTTP through Micronaut's client, so that its configuration, filters,"
                    + " tracing and metrics apply");

    @ArchTest
    static final ArchRule noOtherAdapter = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("dev.gempix2.transport..", "dev.gempix2.quarkus..", "dev.gempix2.cli..",
                    "dev.gempix2.testkit..")
            .because("adapters know core, never each other");

    @ArchTest
    static final ArchRule noCoreInternals = noClasses().should().dependOnClassesThat()
            .resideInAPackage("dev.gempix2.core.internal..")
            .because("core's internal package is not API and may change in any release");

    @ArchTest
    static final ArchRule noJacksonDatabind = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("com.fasterxml.jackson.databind..")
            .because("JSON goes through Micronaut's JsonMapper (serde), which the application configures");

    @ArchTest
    static final ArchRule onlyTheBindingsKnowMetricsAndTracing = noClasses()
            .that().haveNameNotMatching(".*\\$?(MetricsBinding|TracingBinding)(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("io.micrometer..", "io.opentelemetry..",
                    "dev.gempix2.micrometer..", "dev.gempix2.opentelemetry..")
            .because("Micrometer and OpenTelemetry are optional: only the bindings, loaded when they are present, "
                    + "may touch them");
}
