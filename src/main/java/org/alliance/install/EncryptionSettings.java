package org.alliance.install;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The key tokens are encrypted with ({@code ALLIANCE_ENCRYPTION_KEY}) and the keys they may still be
 * encrypted with from before a rotation ({@code ALLIANCE_ENCRYPTION_OLD_KEYS}, comma-separated).
 * Each is 32 random bytes in base64: {@code openssl rand -base64 32}.
 */
@ConfigurationProperties("alliance.encryption")
record EncryptionSettings(String key, String oldKeys) {

    EncryptionSettings {
        key = key == null ? "" : key.trim();
        oldKeys = oldKeys == null ? "" : oldKeys.trim();
        if (!key.isEmpty()) {
            decode(key, "ALLIANCE_ENCRYPTION_KEY");
        }
        split(oldKeys).forEach(k -> decode(k, "ALLIANCE_ENCRYPTION_OLD_KEYS"));
    }

    List<String> oldKeyList() {
        return split(oldKeys);
    }

    private static List<String> split(String keys) {
        return Arrays.stream(keys.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static byte[] decode(String key, String setting) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " must be 32 bytes in base64 (make one with"
                    + " `openssl rand -base64 32`), but it is not base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(setting + " must be 32 bytes in base64 (make one with"
                    + " `openssl rand -base64 32`), but it is " + bytes.length + " bytes");
        }
        return bytes;
    }

    @Override
    public String toString() {
        return "EncryptionSettings[key set=" + !key.isEmpty() + ", old keys=" + oldKeyList().size() + "]";
    }
}
