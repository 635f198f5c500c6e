package org.alliance.slack;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.alliance.support.SlackSigner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSignatureTest {

    private static final String SECRET = "request-signature-test";
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final byte[] BODY = "token=x&command=%2Falliance&text=h%C3%A9lp".getBytes(StandardCharsets.UTF_8);

    private final RequestSignature signature = new RequestSignature(SECRET);

    private String signed(long at) {
        return new SlackSigner(SECRET).sign(at, new String(BODY, StandardCharsets.UTF_8));
    }

    @Test
    void acceptsWhatSlackSignedWithinFiveMinutesEitherWay() {
        long now = NOW.getEpochSecond();
        for (long at : new long[] {now, now - 300, now + 300}) {
            assertThat(signature.check(String.valueOf(at), signed(at), BODY, NOW)).isEqualTo(RequestSignature.Verdict.VALID);
        }
    }

    @Test
    void refusesStaleFutureForgedAndUnsignedRequests() {
        long now = NOW.getEpochSecond();
        assertThat(signature.check(String.valueOf(now - 301), signed(now - 301), BODY, NOW))
                .isEqualTo(RequestSignature.Verdict.STALE);
        assertThat(signature.check(String.valueOf(now + 301), signed(now + 301), BODY, NOW))
                .isEqualTo(RequestSignature.Verdict.STALE);
        assertThat(signature.check(String.valueOf(now), new SlackSigner("another").sign(now, "x"), BODY, NOW))
                .isEqualTo(RequestSignature.Verdict.FORGED);
        byte[] tampered = BODY.clone();
        tampered[0] = 'T';
        assertThat(signature.check(String.valueOf(now), signed(now), tampered, NOW))
                .isEqualTo(RequestSignature.Verdict.FORGED);
        assertThat(signature.check(null, signed(now), BODY, NOW)).isEqualTo(RequestSignature.Verdict.UNSIGNED);
        assertThat(signature.check(String.valueOf(now), null, BODY, NOW)).isEqualTo(RequestSignature.Verdict.UNSIGNED);
        assertThat(signature.check("soon", signed(now), BODY, NOW)).isEqualTo(RequestSignature.Verdict.UNSIGNED);
        assertThat(signature.check(String.valueOf(now), "sha256=abc", BODY, NOW))
                .isEqualTo(RequestSignature.Verdict.UNSIGNED);
    }
}
