package org.clientclub.loyalty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.clientclub.membership.MembershipService;
import org.clientclub.support.Members;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

/** The ledger on PostgreSQL, for a member who joined through the real onboarding. */
@SpringBootTest
@WithMockUser(username = "cashier", roles = "CLUB_STAFF")
class LoyaltyLedgerTest {

    @Autowired
    CardService cardService;

    @Autowired
    PointsService pointsService;

    @Autowired
    MembershipService membership;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcClient jdbc;

    private long memberId;

    @BeforeEach
    void aNewMember() {
        memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail());
    }

    @Test
    void aNewMemberHasACardAndTheWelcomeBonusOnce() {
        assertThat(cardService.card(memberId))
                .hasValueSatisfying(
                        c -> assertThat(CardNumber.isValid(c.value())).isTrue());
        assertThat(pointsService.balance(memberId)).isEqualTo(100);
        assertThat(pointsService.earnForActivity(memberId, Activity.WELCOME_BONUS, SourceRef.memberJoined(memberId)))
                .isZero();
        assertThat(pointsService.history(memberId, 20)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.EARN);
            assertThat(e.points()).isEqualTo(100);
        });
    }

    @Test
    void theSameSourceIsCreditedOnceHoweverOftenItComes() {
        assertThat(pointsService.earnForActivity(memberId, Activity.IDEA_ACCEPTED, new SourceRef("idea-accepted:42")))
                .isEqualTo(50);
        assertThat(pointsService.earnForActivity(memberId, Activity.IDEA_ACCEPTED, new SourceRef("idea-accepted:42")))
                .isZero();
        assertThat(pointsService.balance(memberId)).isEqualTo(150);
    }

    @Test
    void aRedemptionBeyondTheBalanceIsRefusedAndBooksNothing() {
        assertThatThrownBy(() ->
                        pointsService.redeem(memberId, 101, "101000", new SourceRef("till-1:receipt-1"), "Конверты"))
                .isInstanceOfSatisfying(
                        InsufficientPoints.class, e -> assertThat(e.balance()).isEqualTo(100));
        assertThat(pointsService.balance(memberId)).isEqualTo(100);

        assertThat(pointsService.redeem(memberId, 100, "101000", new SourceRef("till-1:receipt-2"), "Открытки"))
                .isTrue();
        assertThat(pointsService.redeem(memberId, 100, "101000", new SourceRef("till-1:receipt-2"), "Открытки"))
                .as("a retry")
                .isFalse();
        assertThat(pointsService.balance(memberId)).isZero();
        assertThat(pointsService.history(memberId, 1)).singleElement().satisfies(e -> {
            assertThat(e.points()).isEqualTo(-100);
            assertThat(e.reason()).isEqualTo("Открытки");
            assertThat(e.postOffice()).isEqualTo(101000);
        });
    }

    @Test
    void aRedemptionNamesItsPostOffice() {
        for (String office : new String[] {null, "", "01000", "012345", "1010001", "10100a"}) {
            assertThatThrownBy(() ->
                            pointsService.redeem(memberId, 10, office, new SourceRef("till-2:" + office), "Марки"))
                    .as(office)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(pointsService.balance(memberId)).isEqualTo(100);
    }

    @Test
    void concurrentRedemptionsNeverOverspend() throws Exception {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(
                "cashier", null, List.of(new SimpleGrantedAuthority("ROLE_CLUB_STAFF")));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Boolean>> redemptions = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String ref = "till-2:receipt-" + i;
            redemptions.add(() -> {
                SecurityContextHolder.getContext().setAuthentication(authentication);
                try {
                    return pointsService.redeem(memberId, 10, "190000", new SourceRef(ref), "Марки");
                } catch (InsufficientPoints e) {
                    return false;
                } finally {
                    SecurityContextHolder.clearContext();
                }
            });
        }
        int booked = 0;
        for (Future<Boolean> result : pool.invokeAll(redemptions)) {
            booked += result.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(booked).isEqualTo(10);
        assertThat(pointsService.balance(memberId)).isZero();
        assertThat(pointsService.history(memberId, 200))
                .filteredOn(e -> e.kind() == EntryKind.REDEEM)
                .hasSize(10);
    }
}
