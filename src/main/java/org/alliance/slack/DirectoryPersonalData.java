package org.alliance.slack;

import org.alliance.workspace.PersonalData;
import org.springframework.stereotype.Component;

/**
 * The people directory keeps names and time zones in memory only, for hours at most; forgetting
 * someone drops theirs at once (another instance's copy ages out within the directory's TTL).
 */
@Component
class DirectoryPersonalData implements PersonalData {

    private final UserDirectory directory;

    DirectoryPersonalData(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public String section() {
        return "directory";
    }

    @Override
    public Object export(String teamId, String userId) {
        // Only what Slack itself holds (name, time zone), cached for a few hours: nothing of Alliance's own.
        return null;
    }

    @Override
    public Erased erase(String teamId, String userId, String pseudonym) {
        directory.forget(teamId, userId);
        return Erased.nothing();
    }
}
