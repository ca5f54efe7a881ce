package dev.gempix2.micronaut;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.gempix2.testkit.architecture.ArchitectureRules;

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
    static final ArchRule noOtherAdapter = ArchitectureRules.adaptersKnowCoreNeverEachOther("dev.gempix2.micronaut");

    @ArchTest
    static final ArchRule noTestTools = ArchitectureRules.NO_TEST_TOOLS_AT_RUNTIME;

    @ArchTest
    static final ArchRule noCoreInternals = ArchitectureRules.NO_CORE_INTERNALS;

    @ArchTest
    static final ArchRule noJacksonDatabind = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("com.fasterxml.jackson.databind..")
            .because("JSON goes through Micronaut's JsonMapper (serde), which the application configures");

    @ArchTest
    static final ArchRule onlyTheBindingsKnowMetricsAndTracing =
            ArchitectureRules.ONLY_THE_BINDINGS_KNOW_METRICS_AND_TRACING;
}
