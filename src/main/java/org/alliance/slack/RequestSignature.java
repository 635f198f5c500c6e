package org.alliance.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's v0 request signature, checked on the raw bytes before anything parses them, so an
 * unsigned, replayed or forged request costs one HMAC and one short log line, never a parse.
 */
final class RequestSignature {

    /** Slack's own limit: a request more than this far from now, either way, is refused. */
    static final Duration TOLERANCE = Duration.ofMinutes(5);

    enum Verdict {
        VALID("signed"),
        UNSIGNED("no signature or timestamp"),
        STALE("timestamp more than 5 minutes from now"),
        FORGED("signature does not match");

        final String why;

        Verdict(String why) {
            this.why = why;
        }
    }

    private final SecretKeySpec key;

    RequestSignature(String signingSecret) {
        this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    Verdict check(String timestampHeader, String signatureHeader, byte[] body, Instant now) {
        if (timestampHeader == null || signatureHeader == null || !signatureHeader.startsWith("v0=")) {
            return Verdict.UNSIGNED;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return Verdict.UNSIGNED;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > TOLERANCE.toSeconds()) {
            return Verdict.STALE;
        }
        byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac(timestamp, body))).getBytes(StandardCharsets.US_ASCII);
        // Constant time, so the signature can't be guessed byte by byte from response times.
        return MessageDigest.isEqual(expected, signatureHeader.strip().getBytes(StandardCharsets.US_ASCII))
                ? Verdict.VALID : Verdict.FORGED;
    }

    private byte[] hmac(long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
