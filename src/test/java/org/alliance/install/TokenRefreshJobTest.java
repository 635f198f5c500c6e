package org.alliance.install;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import org.alliance.install.TokenRefreshPlanner.RefreshData;
import org.alliance.schedule.Job;
import org.alliance.schedule.JobHandler.Outcome;
import org.alliance.support.FakeSlack;
import org.alliance.support.InMemoryMongo;
import org.alliance.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The refresh job's answers to what Slack does, without the application around it. */
class TokenRefreshJobTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-03T10:00:00Z"));
    private final FakeSlack slack = FakeSlack.start();
    private final Installations installations = new Installations(new InstallationRepository(InMemoryMongo.freshDatabase()),
            new TokenCipher(TokenCipherTest.KEY, List.of()), new OAuthSettings("id", "secret", "state", ""), clock);
    private final Instant expiresAt = clock.instant().plus(Duration.ofHours(2));
    private final Job<RefreshData> job = new Job<>("k", "T1", TokenRefreshPlanner.REFRESH, clock.instant(),
            new RefreshData("T1", expiresAt, clock.instant()));

    @AfterEach
    void stop() {
        slack.close();
    }

    private TokenRefreshJob refresher() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(slack.apiUrl());
        new MongoInstallationService(installations).saveInstallerAndBot(DefaultInstaller.builder().teamId("T1")
                .botUserId("UBOT").botAccessToken("xoxb-one").botRefreshToken("xoxe-one")
                .botTokenExpiresAt(expiresAt.toEpochMilli()).installedAt(1L).isEnterpriseInstall(false).build());
        return new TokenRefreshJob(installations, Slack.getInstance(config),
                new OAuthSettings("id", "secret", "state", ""), null, clock);
    }

    @Test
    void aRateLimitedRefreshWaitsOutRetryAfterAndKeepsTheToken() {
        TokenRefreshJob refresher = refresher();
        slack.rateLimitNext("oauth.v2.access", 1, 42);

        Outcome outcome = refresher.run(job);

        assertThat(outcome).isEqualTo(new Outcome.Later(clock.instant().plusSeconds(42), "rate limited"));
        assertThat(installations.botToken("T1")).contains("xoxb-one");
    }

    @Test
    void failuresWaitLongerTheLongerTheyLastUpToHalfAnHour() {
        TokenRefreshJob refresher = refresher();
        slack.failNext("oauth.v2.access", "internal_error").failNext("oauth.v2.access", "internal_error")
                .failNext("oauth.v2.access", "internal_error");

        assertThat(((Outcome.Later) refresher.run(job)).at()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(10));
        assertThat(((Outcome.Later) refresher.run(job)).at()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
        clock.advance(Duration.ofHours(3));
        assertThat(((Outcome.Later) refresher.run(job)).at()).isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
    }

    @Test
    void aTokenReplacedSinceThePlanIsNotRefreshed() {
        TokenRefreshJob refresher = refresher();
        installations.rotated("T1", "xoxb-two", "xoxe-two", expiresAt.plus(Duration.ofHours(12)));

        assertThat(refresher.run(job)).isInstanceOf(Outcome.Done.class);
        assertThat(slack.calls("oauth.v2.access")).isEmpty();
    }

    @Test
    void aShortLivedTokenIsRefreshedHalfwayRatherThanOverAndOver() {
        TokenRefreshPlanner planner = new TokenRefreshPlanner(null, new TokenRotationSettings(Duration.ofHours(2)), clock);
        assertThat(planner.refreshAt(clock.instant().plus(Duration.ofHours(12))))
                .isEqualTo(clock.instant().plus(Duration.ofHours(10)));
        assertThat(planner.refreshAt(clock.instant().plus(Duration.ofHours(1))))
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(30)));
    }
}
