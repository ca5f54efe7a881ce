package dev.gempix2.testkit.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.gempix2.core.internal.Failures;
import org.junit.jupiter.api.Test;

/** The shared boundary rules catch what they name, so that a module applying one is really guarded. */
class ArchitectureRulesTest {

    /** A class that leans on core's internals, as no module outside core may. */
    static final class ImportsCoreInternals {
        Object unwrap(Throwable failure) {
            return Failures.unwrap(failure);
        }
    }

    /** A class that stays on core's public API. */
    static final class UsesThePublicApiOnly {
        Object model() {
            return dev.gempix2.core.model.Model.GEMPIX2;
        }
    }

    @Test
    void aClassImportingCoreInternalsBreaksTheRule() {
        JavaClasses offender = new ClassFileImporter().importClasses(ImportsCoreInternals.class);

        assertThat(ArchitectureRules.NO_CORE_INTERNALS.evaluate(offender).hasViolation()).isTrue();
    }

    @Test
    void aClassOnThePublicApiKeepsTheRule() {
        JavaClasses fine = new ClassFileImporter().importClasses(UsesThePublicApiOnly.class);

        assertThat(ArchitectureRules.NO_CORE_INTERNALS.evaluate(fine).hasViolation()).isFalse();
    }

    @Test
    void theAdapterRuleNamesTheWrongPackageInsteadOfGuardingNothing() {
        assertThatThrownBy(() -> ArchitectureRules.adaptersKnowCoreNeverEachOther("dev.gempix2.elsewhere"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dev.gempix2.elsewhere");
    }
}
