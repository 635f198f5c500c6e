package org.alliance.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules catch what they are for: each is run against {@code archfixture}, a tiny code base
 * broken on purpose (infrastructure that uses a feature, a cycle, a domain record holding a Slack
 * type, a public class nobody else uses).
 */
class ModuleRulesTest {

    private static final String FIXTURE = "archfixture";
    private static final JavaClasses BROKEN = new ClassFileImporter().importPackages(FIXTURE);

    @Test
    void aCycleBetweenModulesFails() {
        assertThatThrownBy(() -> ModuleRules.noCycles(FIXTURE).check(BROKEN))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected");
        assertThat(ApplicationModules.of(FIXTURE, location -> true).detectViolations().hasViolations()).isTrue();
    }

    @Test
    void infrastructureUsingAFeatureFails() {
        assertThatThrownBy(() -> ModuleRules.infrastructureNeverDependsOnFeatures(FIXTURE).check(BROKEN))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("archfixture.slack.Routes").hasMessageContaining("archfixture.checkin.Visit");
    }

    @Test
    void aDomainRecordHoldingASlackTypeFails() {
        assertThatThrownBy(() -> ModuleRules.domainValuesHoldNoTechnology(FIXTURE).check(BROKEN))
                .isInstanceOf(AssertionError.class).hasMessageContaining("com.slack.api.model.User")
                .hasMessageContaining("org.bson.Document").hasMessageContaining("org.quartz.JobKey");
    }

    @Test
    void aPublicTypeNoOtherModuleUsesIsListed() {
        assertThat(ModuleRules.publicTypesNoOtherModuleUses(BROKEN, FIXTURE))
                .singleElement().asString().startsWith("archfixture.checkin.Lonely is public");
    }
}
