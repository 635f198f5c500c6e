package org.alliance.install;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCipherTest {

    static final String KEY = key(1);
    static final String OTHER = key(2);

    static String key(int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void sealsAndOpensWithAFreshIvEachTime() {
        TokenCipher cipher = new TokenCipher(KEY, List.of());

        SealedValue one = cipher.seal("xoxb-secret", "T1/botToken");
        SealedValue two = cipher.seal("xoxb-secret", "T1/botToken");

        assertThat(one.data()).isNotEqualTo(two.data()).doesNotContain("xoxb-"); // base64 may spell "xoxb" by chance, never with the dash
        assertThat(new String(Base64.getDecoder().decode(one.data()))).doesNotContain("xoxb-secret");
        assertThat(one.keyId()).isEqualTo(cipher.currentKeyId()).startsWith("k").hasSize(13);
        assertThat(cipher.open(one, "T1/botToken")).isEqualTo("xoxb-secret");
        assertThat(cipher.open(two, "T1/botToken")).isEqualTo("xoxb-secret");
    }

    @Test
    void aWrongKeyDoesNotOpenIt() {
        SealedValue sealed = new TokenCipher(KEY, List.of()).seal("xoxb-secret", "T1/botToken");
        TokenCipher other = new TokenCipher(OTHER, List.of());

        assertThatThrownBy(() -> other.open(sealed, "T1/botToken")).isInstanceOf(TokenCipher.TokenUnreadable.class)
                .hasMessageContaining("neither ALLIANCE_ENCRYPTION_KEY nor in ALLIANCE_ENCRYPTION_OLD_KEYS")
                .hasMessageNotContaining("xoxb");
        // A forged key id does not help either: the tag does not match.
        assertThatThrownBy(() -> other.open(new SealedValue(other.currentKeyId(), sealed.data()), "T1/botToken"))
                .isInstanceOf(TokenCipher.TokenUnreadable.class);
    }

    @Test
    void aTamperedValueOrOneMovedToAnotherWorkspaceDoesNotOpen() {
        TokenCipher cipher = new TokenCipher(KEY, List.of());
        SealedValue sealed = cipher.seal("xoxb-secret", "T1/botToken");
        byte[] bytes = Base64.getDecoder().decode(sealed.data());
        bytes[bytes.length - 5] ^= 1;

        assertThatThrownBy(() -> cipher.open(new SealedValue(sealed.keyId(), Base64.getEncoder().encodeToString(bytes)),
                "T1/botToken")).isInstanceOf(TokenCipher.TokenUnreadable.class);
        assertThatThrownBy(() -> cipher.open(sealed, "T2/botToken")).isInstanceOf(TokenCipher.TokenUnreadable.class);
        assertThatThrownBy(() -> cipher.open(new SealedValue(sealed.keyId(), "AAAA"), "T1/botToken"))
                .isInstanceOf(TokenCipher.TokenUnreadable.class);
    }

    @Test
    void afterARotationOldValuesStillOpenAndNewOnesUseTheNewKey() {
        TokenCipher before = new TokenCipher(KEY, List.of());
        SealedValue old = before.seal("xoxb-old", "T1/botToken");
        TokenCipher after = new TokenCipher(OTHER, List.of(KEY));

        assertThat(after.open(old, "T1/botToken")).isEqualTo("xoxb-old");
        assertThat(after.isCurrent(old)).isFalse();
        SealedValue fresh = after.seal("xoxb-old", "T1/botToken");
        assertThat(fresh.keyId()).isNotEqualTo(old.keyId());
        assertThat(after.isCurrent(fresh)).isTrue();
        assertThatThrownBy(() -> before.open(fresh, "T1/botToken")).isInstanceOf(TokenCipher.TokenUnreadable.class);
    }

    @Test
    void aKeyThatIsNot32BytesOfBase64IsRefusedByName() {
        assertThatThrownBy(() -> new EncryptionSettings("not base64!", ""))
                .hasMessageStartingWith("ALLIANCE_ENCRYPTION_KEY must be 32 bytes in base64");
        assertThatThrownBy(() -> new EncryptionSettings(Base64.getEncoder().encodeToString(new byte[16]), ""))
                .hasMessageContaining("but it is 16 bytes");
        assertThatThrownBy(() -> new EncryptionSettings(KEY, OTHER + ",short"))
                .hasMessageStartingWith("ALLIANCE_ENCRYPTION_OLD_KEYS must be 32 bytes");
        assertThat(new EncryptionSettings(KEY, " " + OTHER + " , ").oldKeyList()).containsExactly(OTHER);
        assertThat(new EncryptionSettings(KEY, "").toString()).doesNotContain(KEY);
    }
}
