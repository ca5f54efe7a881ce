package dev.gempix2.opentelemetry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.gempix2.opentelemetry", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule knowsCoreAndTheOpenTelemetryApiOnly = classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.gempix2.opentelemetry..", "dev.gempix2.core", "dev.gempix2.core.model..",
                    "io.opentelemetry.api..", "io.opentelemetry.context..", "java..")
            .because("the tracing module sees only core's observer API and the OpenTelemetry API: no SDK, "
                    + "transport, framework or core internals");
}
