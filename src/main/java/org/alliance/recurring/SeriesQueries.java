package org.alliance.recurring;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.stereotype.Service;

/** The recurring check-ins a leader still runs (active or paused), for dashboards such as Home. */
@Service
public class SeriesQueries {

    static final int LIMIT = 20;

    private final SeriesRepository series;

    SeriesQueries(SeriesRepository series) {
        this.series = series;
    }

    /**
     * One running recurring check-in.
     *
     * @param schedule how often, in words ("every week at 10:00")
     * @param next     the wall-clock time of the next round, which each person gets in their own time zone
     */
    public record Running(String id, String purpose, String channelId, String schedule, boolean paused,
                          LocalDateTime next, int rounds) {
    }

    /** Newest first; stopped ones are left out. */
    public List<Running> runningLedBy(String teamId, String leaderId) {
        return series.runningLedBy(teamId, leaderId, LIMIT).stream()
                .map(s -> new Running(s.id(), s.purpose(), s.channelId(),
                        Cadence.fromWord(s.cadence(), s.at()).describe(), s.status() == SeriesStatus.PAUSED,
                        s.next(), s.rounds()))
                .toList();
    }
}
