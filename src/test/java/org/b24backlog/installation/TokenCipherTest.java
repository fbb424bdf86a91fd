package org.b24backlog.installation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Base64;

import org.b24backlog.config.AppConfig;
import org.junit.jupiter.api.Test;

class TokenCipherTest {

    /** TEST ONLY key, 32 zero bytes. */
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    private final TokenCipher cipher = new TokenCipher(config(KEY));

    @Test
    void roundTripKeepsValue() {
        String sealed = cipher.encrypt("access-token-value", "m1|17|access");

        assertThat(sealed).doesNotContain("access-token-value");
        assertThat(cipher.decrypt(sealed, "m1|17|access")).isEqualTo("access-token-value");
    }

    @Test
    void sameValueEncryptsDifferently() {
        assertThat(cipher.encrypt("x", "c")).isNotEqualTo(cipher.encrypt("x", "c"));
    }

    @Test
    void ciphertextBoundToItsRow() {
        String sealed = cipher.encrypt("access-token-value", "m1|17|access");

        assertThatThrownBy(() -> cipher.decrypt(sealed, "m1|18|access")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void otherKeyCannotDecrypt() {
        byte[] other = new byte[32];
        other[0] = 1;
        TokenCipher second = new TokenCipher(config(Base64.getEncoder().encodeToString(other)));

        String sealed = cipher.encrypt("v", "c");

        assertThatThrownBy(() -> second.decrypt(sealed, "c")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was the key changed");
    }

    @Test
    void shortKeyRejectedWithFix() {
        assertThatThrownBy(() -> new TokenCipher(config(Base64.getEncoder().encodeToString(new byte[16]))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must be 32 bytes")
                .hasMessageContaining("openssl rand -base64 32");
        assertThatThrownBy(() -> new TokenCipher(config("not base64!"))).isInstanceOf(IllegalStateException.class);
    }

    private static AppConfig config(String key) {
        return new AppConfig() {
            public String publicUrl() {
                return "https://app.example.invalid";
            }

            public String tokenEncryptionKey() {
                return key;
            }

            public Duration sessionLifetime() {
                return Duration.ofMinutes(30);
            }

            public Duration referenceCacheTtl() {
                return Duration.ofMinutes(2);
            }

            public Duration restJournalRetention() {
                return Duration.ofDays(7);
            }
        };
    }
}
