package org.clientclub.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.clientclub.loyalty.internal.PointsExpiry;
import org.clientclub.membership.MembershipService;
import org.clientclub.support.Mailbox;
import org.clientclub.support.Members;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** Old points expire unless spent, oldest first; members hear of it 30 days ahead, once. */
@SpringBootTest
@WithMockUser(username = "cashier", roles = "CLUB_STAFF")
class PointsExpiryTest {

    @Autowired
    PointsExpiry expiry;

    @Autowired
    PointsService pointsService;

    @Autowired
    MembershipService membership;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcClient jdbc;

    @Test
    void unspentPointsOlderThanTheValidityExpireAndUpcomingOnesAreAnnounced() throws Exception {
        String email = TestQuestionnaires.newEmail();
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, email);
        Members.bookAt(
                jdbc, memberId, 50, "expiry-test:old:" + memberId, Instant.now().minus(25 * 31, ChronoUnit.DAYS));
        Members.bookAt(
                jdbc,
                memberId,
                10,
                "expiry-test:soon:" + memberId,
                Instant.now().minus(720, ChronoUnit.DAYS));
        pointsService.redeem(memberId, 30, "190000", new SourceRef("expiry-test:" + memberId), "Марки");
        assertThat(pointsService.balance(memberId)).isEqualTo(130);

        expiry.expireDuePoints();
        assertThat(pointsService.balance(memberId))
                .as("50 old points, 30 of them spent")
                .isEqualTo(110);
        expiry.expireDuePoints();
        assertThat(pointsService.balance(memberId)).as("the same day twice").isEqualTo(110);

        expiry.warnMembers();
        expiry.warnMembers();
        // confirmation, welcome and the warning, in whatever order the outbox sent them
        new Mailbox(greenMail).awaitMessage(email, 3);
        List<MimeMessage> warnings = new ArrayList<>();
        for (MimeMessage message : new Mailbox(greenMail).to(email)) {
            if ("Ваши баллы скоро сгорят".equals(message.getSubject())) {
                warnings.add(message);
            }
        }
        assertThat(warnings).as("one warning a month").hasSize(1);
        assertThat(Mailbox.decoded(warnings.get(0))).contains("10 баллов");
        assertThat(new Mailbox(greenMail).to(email)).hasSize(3);
    }
}
