package org.alliance.install;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for tokens at rest. Each value gets a fresh random 96-bit IV and names its key by an id
 * derived from the key (so no id has to be configured, and a wrong key can't be mistaken for the
 * right one). The {@code context} (which document and field) is authenticated too, so a sealed token
 * copied into another workspace's document does not open.
 */
final class TokenCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String currentId;

    /** {@code current} and {@code old} are base64 32-byte keys; the current one seals, all of them open. */
    TokenCipher(String current, List<String> old) {
        this.currentId = add(EncryptionSettings.decode(current, "ALLIANCE_ENCRYPTION_KEY"));
        old.forEach(k -> add(EncryptionSettings.decode(k, "ALLIANCE_ENCRYPTION_OLD_KEYS")));
    }

    String currentKeyId() {
        return currentId;
    }

    boolean isCurrent(SealedValue value) {
        return currentId.equals(value.keyId());
    }

    SealedValue seal(String plaintext, String context) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.get(currentId), iv, context);
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return new SealedValue(currentId, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plaintext; {@link TokenUnreadable} if no configured key opens it or it was changed. */
    String open(SealedValue value, String context) {
        SecretKeySpec key = keys.get(value.keyId());
        if (key == null) {
            throw new TokenUnreadable("it was encrypted with key " + value.keyId()
                    + ", which is neither ALLIANCE_ENCRYPTION_KEY nor in ALLIANCE_ENCRYPTION_OLD_KEYS");
        }
        try {
            byte[] all = Base64.getDecoder().decode(value.data());
            if (all.length <= IV_BYTES) {
                throw new TokenUnreadable("it is too short");
            }
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(all, IV_BYTES), context);
            return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new TokenUnreadable("it does not decrypt under key " + value.keyId() + " (changed or damaged)");
        }
    }

    private static Cipher cipher(int mode, SecretKeySpec key, byte[] iv, String context)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private String add(byte[] key) {
        String id = keyId(key);
        keys.putIfAbsent(id, new SecretKeySpec(key, "AES"));
        return id;
    }

    /** A short fingerprint that names the key without revealing it. */
    static String keyId(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    ByteBuffer.allocate(key.length + 9).put("alliance:".getBytes(StandardCharsets.US_ASCII)).put(key).array());
            return "k" + HexFormat.of().formatHex(digest, 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A stored token that can't be decrypted with the keys this process has. */
    static final class TokenUnreadable extends RuntimeException {
        TokenUnreadable(String why) {
            super("A stored Slack token can't be read: " + why);
        }
    }
}
