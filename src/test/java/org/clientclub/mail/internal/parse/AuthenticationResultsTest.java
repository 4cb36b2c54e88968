package org.clientclub.mail.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only a trusted receiving server's verdict on the sender counts, and only its own header. */
class AuthenticationResultsTest {

    private final AuthenticationResults trustingClub = new AuthenticationResults(List.of(" MX.Club.Example ", ""));

    @Test
    void aFailedDmarcOrSpfFromTheTrustedServerMarksTheSenderForged() {
        assertThat(forged("mx.club.example; dmarc=fail (p=reject dis=none) header.from=bank.example"))
                .isTrue();
        assertThat(forged("mx.club.example; spf=fail smtp.mailfrom=bank.example"))
                .isTrue();
        assertThat(forged("mx.club.example 1; spf=pass smtp.mailfrom=bank.example; dkim=none;\r\n"
                        + "\tdmarc=fail header.from=bank.example"))
                .as("dmarc=fail outweighs spf=pass")
                .isTrue();
        assertThat(forged("MX.CLUB.EXAMPLE; SPF = Fail"))
                .as("case and blanks do not matter")
                .isTrue();
    }

    @Test
    void passesSoftFailsAndErrorsAreNoForgery() {
        assertThat(forged("mx.club.example; spf=pass smtp.mailfrom=example.ru; dmarc=pass"))
                .isFalse();
        assertThat(forged("mx.club.example; spf=softfail smtp.mailfrom=example.ru"))
                .isFalse();
        assertThat(forged("mx.club.example; spf=temperror; dmarc=permerror")).isFalse();
        assertThat(forged("mx.club.example; none")).isFalse();
        // Forwarded mail breaks SPF; the aligned DKIM signature still vouches for the From an answer goes to.
        assertThat(forged("mx.club.example; spf=fail smtp.mailfrom=list.example; dkim=pass; dmarc=pass"))
                .isFalse();
    }

    @Test
    void aHeaderFromAnyOtherServerIsNotBelieved() {
        assertThat(forged("attacker.example; dmarc=fail")).isFalse();
        assertThat(new AuthenticationResults(List.of()).senderForged(new String[] {"mx.club.example; dmarc=fail"}))
                .as("nothing trusted by default")
                .isFalse();
    }

    @Test
    void theTopmostTrustedHeaderDecidesSoAnOlderOneWrittenByTheSenderCannot() {
        assertThat(forged("mx.club.example; dmarc=pass", "mx.club.example; dmarc=fail"))
                .isFalse();
        assertThat(forged("other.example; dmarc=pass", "mx.club.example; dmarc=fail", "mx.club.example; dmarc=pass"))
                .isTrue();
    }

    @Test
    void commentsAndQuotedStringsHideNothingAndForgeNothing() {
        assertThat(forged("mx.club.example; spf=pass (dmarc=fail; spf=fail) smtp.mailfrom=a.example"))
                .isFalse();
        assertThat(forged("mx.club.example; spf=pass smtp.mailfrom=\"x;dmarc=fail\"@a.example"))
                .isFalse();
        assertThat(forged("(comment) mx.club.example (another (nested)) ; dmarc=fail"))
                .isTrue();
        assertThat(forged("mx.club.example; dmarc=fail (unclosed comment")).isTrue();
        assertThat(trustingClub.senderForged(null)).isFalse();
        assertThat(forged("")).isFalse();
    }

    @Test
    void theParserReadsTheHeadersOfTheMessage() {
        byte[] raw = ("Authentication-Results: other.example; dmarc=pass\r\n"
                        + "Authentication-Results: mx.club.example;\r\n spf=fail smtp.mailfrom=bank.example\r\n"
                        + "From: security@bank.example\r\nSubject: Hello\r\n\r\nHello")
                .getBytes(StandardCharsets.US_ASCII);

        assertThat(new InboundParser(InboundParser.Limits.DEFAULTS, trustingClub)
                        .parse(raw)
                        .forgedSender())
                .isTrue();
        assertThat(new InboundParser().parse(raw).forgedSender()).isFalse();
    }

    private boolean forged(String... headers) {
        return trustingClub.senderForged(headers);
    }
}
