package org.alliance.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.alliance.AllianceApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/** The structure the code keeps: one-way modules, small APIs, domain free of technology, small classes. */
class ArchitectureTest {

    static final String BASE = "org.alliance";
    static final int MAX_LINES = 300;

    /**
     * The main code only: neither tests nor what {@code package} generates into target/classes (Spring
     * AOT's bean definitions and proxies), which a {@code verify} after a {@code package} would otherwise judge.
     */
    private static final ImportOption NOT_GENERATED = location -> {
        String uri = location.asURI().toString();
        String file = uri.substring(uri.lastIndexOf('/') + 1);
        return !file.contains("__") && !file.contains("$$SpringCGLIB$$")
                && ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location);
    };
    private static final ApplicationModules MODULES = ApplicationModules.of(AllianceApplication.class, NOT_GENERATED);
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(NOT_GENERATED).importPackages(BASE);

    @Test
    void modulesUseOnlyEachOthersApiAndFormNoCycle() {
        MODULES.verify();
    }

    @Test
    void topLevelPackagesFormNoCycle() {
        ModuleRules.noCycles(BASE).check(MAIN);
    }

    @Test
    void infrastructureNeverDependsOnAFeature() {
        ModuleRules.infrastructureNeverDependsOnFeatures(BASE).check(MAIN);
    }

    @Test
    void domainRecordsHoldNoSlackQuartzOrMongoTypes() {
        ModuleRules.domainValuesHoldNoTechnology(BASE).check(MAIN);
    }

    @Test
    void everyPublicTypeIsUsedByAnotherModule() {
        assertThat(ModuleRules.publicTypesNoOtherModuleUses(MAIN, BASE)).isEmpty();
    }

    @Test
    void everyModuleIsDocumented() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .allSatisfy(name -> assertThat(Path.of("src/main/java/org/alliance", name, "package-info.java"))
                        .as("module %s describes itself in package-info.java", name).exists());
    }

    /**
     * docs/architecture.md shows the modules as they are. After changing a module's dependencies,
     * regenerate it with {@code ./mvnw test -Dtest=ArchitectureTest -Dalliance.docs.write=true}.
     */
    @Test
    void theModuleOverviewInDocsIsCurrent() throws IOException {
        Path doc = Path.of("docs/architecture.md");
        String current = Files.readString(doc);
        String expected = ModuleOverview.replaced(current, ModuleOverview.mermaid(MODULES));
        if (Boolean.getBoolean("alliance.docs.write")) {
            Files.writeString(doc, expected);
            current = expected;
        }
        assertThat(current).as("docs/architecture.md is out of date; regenerate it as this test's comment says")
                .isEqualTo(expected);
    }

    @Test
    void noMainClassIsOverThreeHundredLines() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<String> tooLong = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> lines(p) > MAX_LINES)
                    .map(p -> p + " (" + lines(p) + " lines)").toList();
            assertThat(tooLong).as("classes over %d lines", MAX_LINES).isEmpty();
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
