package org.clientclub.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecureTokensTest {

    @Test
    void tokensAreLongUniqueAndOfOneShape() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = SecureTokens.newToken();
            assertThat(SecureTokens.wellFormed(token)).isTrue();
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void anythingElseIsNotAToken() {
        assertThat(SecureTokens.wellFormed(null)).isFalse();
        assertThat(SecureTokens.wellFormed("x".repeat(42))).isFalse();
        assertThat(SecureTokens.wellFormed("x".repeat(44))).isFalse();
        assertThat(SecureTokens.wellFormed("'; DROP TABLE t; --" + "x".repeat(24)))
                .isFalse();
    }

    @Test
    void theStoredHashIsTheHexSha256() {
        assertThat(SecureTokens.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
