package dev.gempix2.quarkus.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.gempix2.quarkus.testing", importOptions = ImportOption.DoNotIncludeTests.class)
class TestResourceArchitectureTest {

    @ArchTest
    static final ArchRule runsTheFakeWithoutJunit = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.junit..", "org.opentest4j..", "dev.gempix2.testkit.junit..",
                    "dev.gempix2.testkit.contract..", "dev.gempix2.testkit.internal..")
            .because("the test resource needs the fake and Quarkus' test-resource SPI, nothing of JUnit");
}
