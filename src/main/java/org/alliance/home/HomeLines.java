package org.alliance.home;

import java.time.Instant;
import java.util.List;

import org.alliance.checkin.CheckIn;
import org.alliance.checkin.OpenCheckIns;
import org.alliance.commitments.Commitment;
import org.alliance.recurring.SeriesQueries;
import org.alliance.slack.SlackDates;
import org.alliance.slack.SlackText;

import static org.alliance.slack.SlackText.escape;

/** The mrkdwn of Home's items and its introductions. User text is escaped and cut to fit a section. */
final class HomeLines {

    static final String DRIFT_MARKER = ":hourglass_flowing_sand: *Time to check in again*";
    static final int COMMITMENTS_PER_PERSON = 3;
    private static final int MAX_TITLE = 150;
    private static final int MAX_COMMITMENT = 200;

    static final String NEWCOMER_WHAT = "*Alliance* runs check-ins, also called alliance conversations: you ask "
            + "the people you lead a few good questions to understand their situation, needs and goals, and then "
            + "you follow up and follow through.";
    static final String NEWCOMER_HOW = "*How to start*\n"
            + "1. Click *Start a check-in* below, or type `/alliance` in any channel.\n"
            + "2. Pick a purpose, the people to ask, and who will see their answers.\n"
            + "3. Each person gets a direct message from me. Their progress, your people and your commitments "
            + "show up here.\n`/alliance help` lists every command.";
    static final String PARTICIPANT_WHAT = "*Alliance* runs check-ins: someone who leads you asks a few questions "
            + "to understand your situation, needs and goals, and then follows up. You answer in a direct message "
            + "from me, or skip with *Not now*.";
    static final String PARTICIPANT_WHO = "*Who sees your answers* is set when a check-in starts, and your "
            + "invitation always says which it is:\n"
            + "• *Only the leader*: your answers reach the person who asked, and nobody else.\n"
            + "• *The check-in thread*: your answers are posted in the team's thread under your name.\n"
            + "• *Anonymous*: nobody, the leader included, ever sees your answers with your name; once enough "
            + "people have answered, an unattributed summary is shared.\n"
            + "A single question can be anonymous too (marked \uD83D\uDD12): your answer to it is never shown "
            + "with your name, only in a summary without names once enough people have answered it.";

    private HomeLines() {
    }

    static String waiting(CheckIn c) {
        return "*" + title(c) + "* from <@" + c.leaderId() + ">\nDue " + SlackDates.format(c.dueAt());
    }

    static String toMe(Commitment c) {
        return ":handshake: <@" + c.leaderId() + "> committed to: _" + commitmentText(c) + "_ (by "
                + SlackDates.date(c.dueAt()) + ")";
    }

    static String led(OpenCheckIns.Led led) {
        CheckIn c = led.checkIn();
        return "`" + c.id() + "` *" + title(c) + "* in <#" + c.channelId() + ">\n" + led.progress() + " · due "
                + SlackDates.format(c.dueAt());
    }

    static String series(SeriesQueries.Running s) {
        String state = s.paused() ? ":double_vertical_bar: *Paused*"
                : s.next() == null ? "No rounds left on its schedule"
                : "Next round " + SlackDates.local(s.next()) + ", each person's own time";
        return ":repeat: `" + s.id() + "` *" + escape(SlackText.truncate(s.purpose(), MAX_TITLE)) + "* in <#"
                + s.channelId() + ">, " + escape(s.schedule()) + "\n" + state + " · " + s.rounds() + " round"
                + (s.rounds() == 1 ? "" : "s") + " so far";
    }

    static String person(HomeData.Person p, Instant now) {
        long days = p.relationship().daysSince(now);
        StringBuilder text = new StringBuilder("<@").append(p.relationship().memberId()).append(">  ·  last check-in ")
                .append(SlackDates.date(p.relationship().lastCheckInAt())).append(" (")
                .append(days == 0 ? "today" : days == 1 ? "1 day ago" : days + " days ago").append(')');
        if (p.drifting()) {
            text.append("\n").append(DRIFT_MARKER);
        }
        List<Commitment> open = p.commitments();
        for (Commitment c : open.subList(0, Math.min(open.size(), COMMITMENTS_PER_PERSON))) {
            text.append("\n• You committed to: _").append(commitmentText(c)).append("_ (by ")
                    .append(SlackDates.date(c.dueAt())).append(')');
        }
        if (open.size() > COMMITMENTS_PER_PERSON) {
            text.append("\n• …and ").append(open.size() - COMMITMENTS_PER_PERSON)
                    .append(" more: `/alliance commitments`");
        }
        return text.toString();
    }

    private static String title(CheckIn c) {
        return escape(SlackText.truncate(c.title(), MAX_TITLE));
    }

    private static String commitmentText(Commitment c) {
        return escape(SlackText.truncate(c.text().replace('\n', ' '), MAX_COMMITMENT));
    }
}
