package org.clientclub.membership.internal.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkTokenTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void issuesLongRandomTokensAndKeepsOnlyTheirHash() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            LinkToken.Issued issued = LinkToken.issue(1, LinkToken.CONFIRM_EMAIL, NOW, NOW.plusSeconds(60));
            assertThat(issued.plain()).hasSize(43);
            assertThat(LinkToken.wellFormed(issued.plain())).isTrue();
            assertThat(seen.add(issued.plain())).isTrue();
        }
        LinkToken.Issued issued = LinkToken.issue(1, LinkToken.CONFIRM_EMAIL, NOW, NOW.plusSeconds(60));
        assertThat(LinkToken.hash(issued.plain())).hasSize(64).isNotEqualTo(issued.plain());
    }

    @Test
    void expiresAtItsDeadline() {
        LinkToken token = LinkToken.issue(1, LinkToken.CONFIRM_EMAIL, NOW, NOW.plusSeconds(60))
                .token();
        assertThat(token.isExpired(NOW.plusSeconds(59))).isFalse();
        assertThat(token.isExpired(NOW.plusSeconds(60))).isTrue();
    }

    @Test
    void anythingButOurShapeIsNotAToken() {
        assertThat(LinkToken.wellFormed(null)).isFalse();
        assertThat(LinkToken.wellFormed("short")).isFalse();
        assertThat(LinkToken.wellFormed("'; DROP TABLE membership_token; --" + "x".repeat(9)))
                .isFalse();
        assertThat(LinkToken.wellFormed("A".repeat(44))).isFalse();
    }
}
