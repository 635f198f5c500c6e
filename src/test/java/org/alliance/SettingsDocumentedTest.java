package org.alliance;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README is the user's manual: every setting the bot reads (each component of every
 * {@code @ConfigurationProperties} record, nested records included) is named in it, and listed in
 * application.yml, so a new setting can't ship undocumented.
 */
class SettingsDocumentedTest {

    @Test
    void everySettingIsInReadmeAndApplicationYml() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String yml = Files.readString(Path.of("src", "main", "resources", "application.yml"));
        List<String> settings = new ArrayList<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.alliance")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
            String prefix = annotation.value().isEmpty() ? annotation.prefix() : annotation.value();
            collect(prefix, type, settings);
        }
        assertThat(settings).hasSizeGreaterThan(20);
        assertThat(settings).as("settings README doesn't name").filteredOn(s -> !readme.contains("`" + s + "`"))
                .isEmpty();
        assertThat(settings).as("settings application.yml doesn't list")
                .filteredOn(s -> !yml.contains(lastPart(s) + ":")).isEmpty();
    }

    private static void collect(String prefix, Class<?> type, List<String> into) throws IOException {
        if (!type.isRecord()) {
            into.add(prefix);
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + kebab(component.getName());
            if (component.getType().isRecord() && component.getType().getPackageName().startsWith("org.alliance")) {
                collect(name, component.getType(), into);
            } else {
                into.add(name);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static String lastPart(String setting) {
        return setting.substring(setting.lastIndexOf('.') + 1);
    }
}
