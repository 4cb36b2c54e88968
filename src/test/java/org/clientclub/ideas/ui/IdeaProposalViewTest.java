package org.clientclub.ideas.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.UUID;
import org.clientclub.ideas.IdeaDraft;
import org.clientclub.ideas.IdeaId;
import org.clientclub.ideas.IdeaService;
import org.clientclub.ideas.IdeaTopic;
import org.clientclub.membership.MemberId;
import org.clientclub.membership.MembershipService;
import org.clientclub.support.KaribuTest;
import org.clientclub.support.Members;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The proposal page as a member uses it from their link, and as a stranger with somebody else's or no link. */
class IdeaProposalViewTest extends KaribuTest {

    @Autowired
    IdeaService ideas;

    @Autowired
    MembershipService membership;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcClient jdbc;

    String memberToken;
    String otherToken;

    @BeforeEach
    void twoMembers() {
        memberToken = token(ideas.proposalLink(member()));
        otherToken = token(ideas.proposalLink(member()));
    }

    @Test
    void aMemberSeesSimilarIdeasWhileTypingSupportsOneAndProposesTheirOwn() {
        String town = "Идеград" + UUID.randomUUID().toString().substring(0, 6);
        String hostile = "<b onmouseover=alert(1)>Почтомат</b> у вокзала " + town;
        IdeaId existing = ideas.submit(
                otherToken,
                UUID.randomUUID().toString(),
                new IdeaDraft(
                        hostile, "Поставить почтомат у вокзала, там всегда люди.", IdeaTopic.PARCELS, null, List.of()));

        UI.getCurrent().navigate("ideas/new/" + memberToken);
        _get(TextField.class, spec -> spec.withId("idea-title")).setValue("Почтомат у вокзала " + town);

        Div similar = _get(Div.class, spec -> spec.withId("idea-similar"));
        assertThat(_find(similar, Span.class)).extracting(Span::getText).contains(hostile);
        _click(_get(similar, Button.class, spec -> spec.withText("Поддержать")));
        assertThat(ideas.supporters(existing)).isEqualTo(1);
        assertThat(_get(similar, Button.class, spec -> spec.withText("Вы поддержали"))
                        .isEnabled())
                .isFalse();

        _get(TextArea.class, spec -> spec.withId("idea-description"))
                .setValue("А ещё один почтомат — у автовокзала, в другом конце города.");
        _get(TextField.class, spec -> spec.withId("idea-postcode")).setValue("101000");
        _click(_get(Button.class, spec -> spec.withId("idea-submit")));

        assertThat(_get(Paragraph.class, spec -> spec.withId("idea-thanks")).getText())
                .startsWith("Идея № ")
                .contains("получена");
    }

    @Test
    void whatIsWrongIsSaidOnThePageAndTheFormStays() {
        UI.getCurrent().navigate("ideas/new/" + memberToken);
        _get(TextField.class, spec -> spec.withId("idea-title")).setValue("Да");
        _click(_get(Button.class, spec -> spec.withId("idea-submit")));

        Div errors = _get(Div.class, spec -> spec.withId("idea-errors"));
        assertThat(_find(errors, Paragraph.class))
                .extracting(Paragraph::getText)
                .satisfiesExactly(
                        title -> assertThat(title).isEqualTo("Название идеи: от 5 до 150 символов."),
                        // ICU groups the thousands with a no-break space, as Russian typography wants.
                        text -> assertThat(text.replace('\u00a0', ' '))
                                .isEqualTo("Описание идеи: от 20 до 5 000 символов."));
        assertThat(_find(Paragraph.class, spec -> spec.withId("idea-thanks"))).isEmpty();
        assertThat(_get(TextField.class, spec -> spec.withId("idea-title")).getValue())
                .isEqualTo("Да");
    }

    @Test
    void aLinkThatDoesNotOpenThePageShowsOneMessageAndNoForm() {
        for (String token : List.of("x".repeat(43), "not-a-token", memberToken.substring(1) + "A")) {
            UI.getCurrent().navigate("ideas/new/" + token);

            assertThat(_get(Paragraph.class, spec -> spec.withId("idea-link-refused"))
                            .getText())
                    .startsWith("Ссылка не открывает страницу идей");
            assertThat(_find(TextField.class, spec -> spec.withId("idea-title")))
                    .as(token)
                    .isEmpty();
        }
    }

    private MemberId member() {
        return MemberId.of(Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail()));
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
