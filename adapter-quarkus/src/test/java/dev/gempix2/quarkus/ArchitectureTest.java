package dev.gempix2.quarkus;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.gempix2.testkit.architecture.ArchitectureRules;

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
    static final ArchRule knowsNoOtherAdapter = ArchitectureRules.adaptersKnowCoreNeverEachOther("dev.gempix2.quarkus");

    @ArchTest
    static final ArchRule staysOutOfCoreInternals = ArchitectureRules.NO_CORE_INTERNALS;

    @ArchTest
    static final ArchRule knowsNoTestkit = ArchitectureRules.NO_TEST_TOOLS_AT_RUNTIME;

    @ArchTest
    static final ArchRule publicApiDoesNotLeakInternals = noClasses().that().resideInAPackage("dev.gempix2.quarkus")
            .should().dependOnClassesThat().resideInAPackage("dev.gempix2.quarkus.internal..")
            .because("users see dev.gempix2.quarkus; the implementation may change behind it");

    @ArchTest
    static final ArchRule onlyTheBindingsKnowMetricsAndTracing =
            ArchitectureRules.ONLY_THE_BINDINGS_KNOW_METRICS_AND_TRACING;
}
