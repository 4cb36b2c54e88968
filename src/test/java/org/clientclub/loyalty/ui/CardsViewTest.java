package org.clientclub.loyalty.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.icegreen.greenmail.util.GreenMail;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import org.clientclub.loyalty.CardNumber;
import org.clientclub.loyalty.CardService;
import org.clientclub.loyalty.LedgerEntryView;
import org.clientclub.membership.MembershipService;
import org.clientclub.support.KaribuTest;
import org.clientclub.support.Mailbox;
import org.clientclub.support.Members;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The card lookup at the counter. */
class CardsViewTest extends KaribuTest {

    @Autowired
    MembershipService membership;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CardService cardService;

    @Test
    void staffFindACardByEmailRedeemWithAReasonAndReissueKeepingThePoints() {
        String email = aMemberWithTheWelcomeBonus();
        login("irina", "CLUB_STAFF");
        UI.getCurrent().navigate(CardsView.class);

        find(email);
        assertThat(_get(Span.class, spec -> spec.withId("cards-balance")).getText())
                .isEqualTo("100");

        _get(IntegerField.class, spec -> spec.withId("cards-redeem-points")).setValue(30);
        TextField office = _get(TextField.class, spec -> spec.withId("cards-redeem-office"));
        assertThat(office.getValue()).as("no office named yet in this session").isEmpty();
        office.setValue("012345");
        _click(_get(Button.class, spec -> spec.withId("cards-redeem")));
        assertThat(_get(TextField.class, spec -> spec.withId("cards-redeem-reason"))
                        .isInvalid())
                .as("a reason is required")
                .isTrue();
        assertThat(office.isInvalid()).as("a postcode does not start with zero").isTrue();
        assertThat(office.getErrorMessage()).isEqualTo("Индекс состоит из шести цифр и не начинается с нуля");
        assertThat(_get(Span.class, spec -> spec.withId("cards-balance")).getText())
                .as("nothing booked")
                .isEqualTo("100");
        office.setValue("101000");
        _get(TextField.class, spec -> spec.withId("cards-redeem-reason")).setValue("Конверты, чек 17");
        _click(_get(Button.class, spec -> spec.withId("cards-redeem")));
        assertThat(_get(Span.class, spec -> spec.withId("cards-balance")).getText())
                .isEqualTo("70");
        @SuppressWarnings("unchecked")
        Grid<LedgerEntryView> history = _get(Grid.class);
        assertThat(GridKt._getFormattedRow(history, 0))
                .as("newest first, the office and the counter's own words")
                .containsSubsequence("списание", "-30", "Отделение 101000: Конверты, чек 17");
        assertThat(_get(TextField.class, spec -> spec.withId("cards-redeem-office"))
                        .getValue())
                .as("the counter's office is filled in for the next redemption")
                .isEqualTo("101000");
        assertThat(GridKt._getFormattedRow(history, 1))
                .containsSubsequence("начисление", "100", "Приветственные баллы за вступление в клуб");

        _get(IntegerField.class, spec -> spec.withId("cards-redeem-points")).setValue(71);
        _get(TextField.class, spec -> spec.withId("cards-redeem-reason")).setValue("Слишком много");
        _click(_get(Button.class, spec -> spec.withId("cards-redeem")));
        IntegerField points = _get(IntegerField.class, spec -> spec.withId("cards-redeem-points"));
        assertThat(points.isInvalid()).isTrue();
        assertThat(points.getErrorMessage()).contains("70");

        _get(IntegerField.class, spec -> spec.withId("cards-adjust-points")).setValue(-5);
        _get(TextField.class, spec -> spec.withId("cards-adjust-reason")).setValue("Ошибка кассира");
        _click(_get(Button.class, spec -> spec.withId("cards-adjust")));
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM act_ru_task t JOIN act_ru_execution e ON e.id_ = t.proc_inst_id_ "
                                        + "JOIN loyalty_adjustment_request r ON r.business_key = e.business_key_ "
                                        + "WHERE t.task_def_key_ = 'Task_ApproveAdjustment' AND r.reason = 'Ошибка кассира' AND r.points = -5")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(_get(Span.class, spec -> spec.withId("cards-balance")).getText())
                .as("not before approval")
                .isEqualTo("70");

        String oldNumber = cardNumberOf(email);
        _click(_get(Button.class, spec -> spec.withId("cards-reissue")));
        String newNumber = cardNumberOf(email);
        assertThat(newNumber).isNotEqualTo(oldNumber);
        assertThat(CardNumber.isValid(newNumber)).isTrue();
        assertThat(_get(Span.class, spec -> spec.withId("cards-balance")).getText())
                .isEqualTo("70");

        find(oldNumber);
        assertThat(_get(Span.class, spec -> spec.withText("заменена новой"))).isNotNull();
    }

    @Test
    void staffRevokeAMembersCardLinkAndSendANewOne() throws Exception {
        String email = aMemberWithTheWelcomeBonus();
        Mailbox mailbox = new Mailbox(greenMail);
        String oldToken = token(Mailbox.linkPath(mailbox.awaitMessage(email, 2), "card"));
        login("irina", "CLUB_STAFF");
        UI.getCurrent().navigate(CardsView.class);
        find(email);
        assertThat(_get(Span.class, spec -> spec.withId("cards-link-state")).getText())
                .startsWith("Действует до");

        _click(_get(Button.class, spec -> spec.withId("cards-link-revoke")));

        assertThat(_get(Span.class, spec -> spec.withId("cards-link-state")).getText())
                .isEqualTo("Отозвана");
        assertThat(_get(Button.class, spec -> spec.withId("cards-link-revoke")).isEnabled())
                .isFalse();
        assertThat(cardService.cardPage(oldToken))
                .as("the revoked link opens nothing")
                .isEmpty();

        _click(_get(Button.class, spec -> spec.withId("cards-link-renew")));

        MimeMessage renewal = mailbox.awaitMessage(email, 3);
        assertThat(renewal.getSubject()).isEqualTo("Новая ссылка на вашу карту лояльности");
        String newToken = token(Mailbox.linkPath(renewal, "card"));
        assertThat(cardService.cardPage(newToken))
                .as("the new link opens the card")
                .isPresent();
        assertThat(cardService.cardPage(oldToken)).isEmpty();
        assertThat(_get(Span.class, spec -> spec.withId("cards-link-state")).getText())
                .startsWith("Действует до");
    }

    @Test
    void anUnknownCardSaysWhatToCheck() {
        login("irina", "CLUB_STAFF");
        UI.getCurrent().navigate(CardsView.class);
        find(CardNumber.ofSequence(9_999_999_999L).value());
        assertThat(_get(Paragraph.class, spec -> spec.withId("cards-not-found")).getText())
                .contains("13 цифр");
    }

    @Test
    void staffFindACardByTheMembersNameAndPickAmongNamesakes() {
        String lastName = uniqueLastName();
        long older = aMemberNamed(lastName);
        long newer = aMemberNamed(lastName);
        String otherName = uniqueLastName();
        long other = aMemberNamed(otherName);
        login("irina", "CLUB_STAFF");
        UI.getCurrent().navigate(CardsView.class);

        find(lastName.toUpperCase());

        assertThat(_get(Paragraph.class, spec -> spec.withId("cards-several")).getText())
                .contains("2");
        assertThat(_find(Button.class, spec -> spec.withId("cards-pick-" + other)))
                .isEmpty();
        assertThat(_find(Span.class, spec -> spec.withId("cards-balance")))
                .as("no card before a pick")
                .isEmpty();
        _click(_get(Button.class, spec -> spec.withId("cards-pick-" + older)));
        assertThat(_get(Span.class, spec -> spec.withId("cards-balance")).getText())
                .isEqualTo("100");
        assertThat(_get(Span.class, spec -> spec.withText(Members.cardOf(jdbc, older))))
                .isNotNull();
        assertThat(_find(Button.class, spec -> spec.withId("cards-pick-" + newer)))
                .isEmpty();

        find("  " + otherName + "   мария ");
        assertThat(_find(Paragraph.class, spec -> spec.withId("cards-several")))
                .as("one member: the card at once")
                .isEmpty();
        assertThat(_get(Span.class, spec -> spec.withText(Members.cardOf(jdbc, other))))
                .isNotNull();

        find(otherName + " Ольга");
        assertThat(_get(Paragraph.class, spec -> spec.withId("cards-not-found")))
                .isNotNull();
        find("Москва");
        assertThat(_get(Paragraph.class, spec -> spec.withId("cards-not-found")))
                .as("the member search matches towns too, the card lookup only names")
                .isNotNull();
    }

    private static String token(String linkPath) {
        return linkPath.substring(linkPath.lastIndexOf('/') + 1);
    }

    private static void find(String query) {
        _get(TextField.class, spec -> spec.withId("cards-query")).setValue(query);
        _click(_get(Button.class, spec -> spec.withId("cards-find")));
    }

    private String cardNumberOf(String email) {
        return jdbc.sql("""
                SELECT c.card_number FROM loyalty_card c JOIN membership_member m ON m.id = c.member_id
                 WHERE m.email = :e ORDER BY c.issued_at DESC, c.id DESC LIMIT 1""").param("e", email).query(String.class).single();
    }

    /** A last name no other test uses, so the namesakes are exactly the ones a test makes. */
    private static String uniqueLastName() {
        String letters = "бвгдклмнпрстфхцчшщ";
        StringBuilder name = new StringBuilder("Ка");
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < 6; i++) {
            name.append(letters.charAt(random.nextInt(letters.length()))).append("аоеиу".charAt(random.nextInt(5)));
        }
        return name.append("ва").toString();
    }

    private long aMemberNamed(String lastName) {
        return Members.joinWithWelcomeBonus(
                membership,
                greenMail,
                jdbc,
                TestQuestionnaires.with(
                        TestQuestionnaires.adult(TestQuestionnaires.newEmail()),
                        lastName,
                        LocalDate.of(1985, 4, 12),
                        true));
    }

    private String aMemberWithTheWelcomeBonus() {
        String email = TestQuestionnaires.newEmail();
        Members.joinWithWelcomeBonus(membership, greenMail, jdbc, email);
        return email;
    }
}
