package org.alliance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.alliance.slack.Subcommand;
import org.alliance.support.AllianceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Every `/alliance` word the app answers is in README's commands (the manifests' usage hint is only a summary). */
class CommandsDocumentedTest extends AllianceIntegrationTest {

    @Autowired
    List<Subcommand> subcommands;

    @Test
    void everySubcommandIsDocumented() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(subcommands).hasSizeGreaterThan(10);
        for (Subcommand command : subcommands) {
            assertThat(readme).as("README names /alliance %s", command.name()).contains("`/alliance " + command.name());
        }
    }
}
