package org.alliance.privacy;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.alliance.workspace.PersonalData;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's data as one indented JSON file: readable in any text editor, and as easy for a program to
 * read as to take to another service. One section per module that stores anything about them.
 */
@Component
class PersonalFile {

    record File(String filename, byte[] json, List<String> sections) {
    }

    private final List<PersonalData> sources;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    PersonalFile(List<PersonalData> sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    File of(String teamId, String userId) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("about", "Everything Alliance stores about you in this workspace. Answers marked anonymous "
                + "were never shown with your name; they are here because they are yours.");
        file.put("userId", userId);
        file.put("workspace", teamId);
        file.put("exportedAt", clock.instant());
        Map<String, Object> sections = new LinkedHashMap<>();
        for (PersonalData source : sources) {
            Object data = source.export(teamId, userId);
            if (data != null) {
                sections.put(source.section(), data);
            }
        }
        file.putAll(sections);
        return new File("alliance-my-data-" + userId + ".json", json.writeValueAsBytes(file),
                List.copyOf(sections.keySet()));
    }
}
