package org.clientclub.membership.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.clientclub.support.TestQuestionnaires.submission;

import com.icegreen.greenmail.util.GreenMail;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import org.clientclub.membership.MemberSummary;
import org.clientclub.membership.MembershipService;
import org.clientclub.membership.Questionnaire;
import org.clientclub.support.KaribuTest;
import org.clientclub.support.Mailbox;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The members list and a member's page. */
class MembersViewTest extends KaribuTest {

    private static final String HOSTILE_TOWN = "<img src=x onerror=alert(1)>";

    @Autowired
    MembershipService membership;

    @Autowired
    GreenMail greenMail;

    @Test
    void staffFindAMemberAndSeeTheQuestionnaireAsSubmittedWithItsHistory() {
        String email = TestQuestionnaires.newEmail();
        Questionnaire q = TestQuestionnaires.adult(email);
        membership.submit(submission(new Questionnaire(
                "Орлова",
                "Вера",
                null,
                email,
                null,
                LocalDate.of(1975, 6, 1),
                q.regionCode(),
                HOSTILE_TOWN,
                q.postcode(),
                q.interests(),
                q.language(),
                true,
                null)));
        Mailbox mailbox = new Mailbox(greenMail);
        String path = Mailbox.linkPath(mailbox.awaitMessage(email, 1), "confirm");
        membership.confirmEmail(path.substring(path.lastIndexOf('/') + 1));
        mailbox.awaitMessage(email, 2);

        login("irina", "CLUB_STAFF");
        UI.getCurrent().navigate(MembersView.class);
        _get(TextField.class, spec -> spec.withId("members-search")).setValue(email);
        @SuppressWarnings("unchecked")
        Grid<MemberSummary> grid = _get(Grid.class);
        assertThat(_size(grid)).isEqualTo(1);
        MemberSummary member = _get(grid, 0);
        assertThat(member.fullName()).isEqualTo("Вера Орлова");

        UI.getCurrent().navigate(MemberView.class, member.id().value());
        assertThat(_get(H2.class).getText()).isEqualTo("Вера Орлова");
        assertThat(_find(Span.class, spec -> spec.withText(HOSTILE_TOWN)))
                .as("shown as text, not markup")
                .hasSize(1);
        assertThat(_find(Span.class, spec -> spec.withText("Участник принят"))).hasSize(1);
    }

    @Test
    void staffWithoutAMemberOfThatNumberSeeWhatIsMissing() {
        login("irina", "CLUB_STAFF");
        UI.getCurrent().navigate(MemberView.class, Long.MAX_VALUE);
        assertThat(_get(H2.class).getText()).isEqualTo("Участник не найден");
    }
}
