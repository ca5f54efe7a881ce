package dev.gempix2.repository.jdbc;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.gempix2.testkit.architecture.ArchitectureRules;

/** The module's boundary: core and the JDK (java.sql included) only; no driver, pool or JSON library. */
@AnalyzeClasses(packages = "dev.gempix2.repository.jdbc", importOptions = ImportOption.DoNotIncludeTests.class)
class RepositoryJdbcArchitectureTest {

    @ArchTest
    static final ArchRule dependsOnCoreAndTheJdkOnly = classes()
            .that().resideInAPackage("dev.gempix2.repository.jdbc..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("dev.gempix2.repository.jdbc..",
                    "dev.gempix2.core..", "java..", "javax.sql..")
            .because("it runs on whatever driver and pool the app has: it talks java.sql only");

    @ArchTest
    static final ArchRule noCoreInternals = ArchitectureRules.NO_CORE_INTERNALS;
}
