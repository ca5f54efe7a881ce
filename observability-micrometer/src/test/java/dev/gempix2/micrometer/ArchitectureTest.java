package dev.gempix2.micrometer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.gempix2.micrometer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule knowsCoreAndMicrometerOnly = classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage("dev.gempix2.micrometer..", "dev.gempix2.core", "dev.gempix2.core.model..",
                    "io.micrometer..", "java..")
            .because("the metrics module sees only core's observer API and Micrometer: no transport, framework "
                    + "or core internals");
}
