package org.clientclub.ideas.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.clientclub.ideas.IdeaDraft;
import org.clientclub.ideas.IdeaId;
import org.clientclub.ideas.IdeaRefused;
import org.clientclub.ideas.IdeaService;
import org.clientclub.ideas.IdeaSubmitted;
import org.clientclub.ideas.IdeaTopic;
import org.clientclub.ideas.SimilarIdea;
import org.clientclub.membership.MemberId;
import org.clientclub.membership.MembershipService;
import org.clientclub.support.Mailbox;
import org.clientclub.support.Members;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Members propose, find and support ideas through their personal link, on the whole app and its database. */
@SpringBootTest
@RecordApplicationEvents
class IdeaServiceTest {

    @Autowired
    IdeaService ideas;

    @Autowired
    MembershipService membership;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    String authorEmail;
    MemberId author;
    String authorToken;
    String supporterToken;

    @BeforeEach
    void twoMembers() {
        authorEmail = TestQuestionnaires.newEmail();
        author = MemberId.of(Members.joinWithWelcomeBonus(membership, greenMail, jdbc, authorEmail));
        MemberId supporter =
                MemberId.of(Members.joinWithWelcomeBonus(membership, greenMail, jdbc, TestQuestionnaires.newEmail()));
        authorToken = token(ideas.proposalLink(author));
        supporterToken = token(ideas.proposalLink(supporter));
    }

    @Test
    void aMemberProposesAnIdeaWithAPhotoOnceHoweverOftenThePageIsSent() throws Exception {
        String key = UUID.randomUUID().toString();
        IdeaDraft draft = new IdeaDraft(
                "Скамейки у окошек выдачи",
                "Пожилым трудно стоять в очереди за посылками полчаса.",
                IdeaTopic.POST_OFFICE_SERVICE,
                null,
                List.of(jpeg()));

        IdeaId idea = ideas.submit(authorToken, key, draft);
        IdeaId again = ideas.submit(authorToken, key, draft);

        assertThat(again).isEqualTo(idea);
        assertThat(jdbc.sql("SELECT count(*) FROM ideas_idea WHERE author_id = :a")
                        .param("a", author.value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT width FROM ideas_photo WHERE idea_id = :i")
                        .param("i", idea.value())
                        .query(Integer.class)
                        .list())
                .containsExactly(640);
        assertThat(events.stream(IdeaSubmitted.class))
                .containsExactly(new IdeaSubmitted(idea, author, IdeaTopic.POST_OFFICE_SERVICE));
    }

    @Test
    void theWelcomeEmailCarriesAPersonalLinkThatOpensTheProposalPage() {
        String path = Mailbox.linkPath(new Mailbox(greenMail).awaitMessage(authorEmail, 2), "ideas/new");

        String welcomeToken = token(path);
        assertThat(ideas.opens(welcomeToken)).isTrue();
        assertThat(welcomeToken).isNotEqualTo(authorToken);
        IdeaId idea = ideas.submit(
                welcomeToken,
                UUID.randomUUID().toString(),
                draft("Идея из письма", "Описание идеи, пришедшей по ссылке."));
        assertThat(jdbc.sql("SELECT author_id FROM ideas_idea WHERE id = :i")
                        .param("i", idea.value())
                        .query(Long.class)
                        .single())
                .isEqualTo(author.value());
    }

    @Test
    void everythingWrongWithAProposalIsSaidAtOnceAndNothingIsStored() {
        byte[] pdfCalledJpg = "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        IdeaDraft wrong = new IdeaDraft(
                "Да",
                "ы".repeat(1_000_000),
                IdeaTopic.PARCELS,
                "12345",
                List.of(pdfCalledJpg, pdfCalledJpg, pdfCalledJpg, pdfCalledJpg));

        assertThatThrownBy(() -> ideas.submit(authorToken, UUID.randomUUID().toString(), wrong))
                .isInstanceOfSatisfying(
                        IdeaRefused.class,
                        refused -> assertThat(refused.reasons())
                                .extracting(IdeaRefused.Reason::key)
                                .contains(
                                        "ideas.refused.title",
                                        "ideas.refused.description",
                                        "ideas.refused.postcode",
                                        "ideas.refused.photoCount",
                                        "ideas.refused.photoNotAnImage"));
        assertThat(jdbc.sql("SELECT count(*) FROM ideas_idea WHERE author_id = :a")
                        .param("a", author.value())
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(events.stream(IdeaSubmitted.class)).isEmpty();
    }

    @Test
    void hostileTextIsKeptAsTypedWithoutTheCharactersThatHideOrBreakIt() {
        IdeaId idea = ideas.submit(
                authorToken,
                UUID.randomUUID().toString(),
                draft(
                        "<script>alert(1)</script>\u0000 \u202Eотзыв",
                        "Описание со\u0000 скриптом <img src=x onerror=alert(1)>\r\nи строкой."));

        var stored = jdbc.sql("SELECT title, description FROM ideas_idea WHERE id = :i")
                .param("i", idea.value())
                .query((rs, i) -> List.of(rs.getString(1), rs.getString(2)))
                .single();
        assertThat(stored.get(0)).isEqualTo("<script>alert(1)</script> отзыв");
        assertThat(stored.get(1)).isEqualTo("Описание со скриптом <img src=x onerror=alert(1)>\nи строкой.");
    }

    @Test
    void aForgedAnOldOrARevokedLinkOpensNothing() {
        String old = token(ideas.proposalLink(author));
        String revoked = token(ideas.proposalLink(author));
        jdbc.sql("UPDATE ideas_link SET created_at = now() - interval '400 days' WHERE token_hash = :h")
                .param("h", org.clientclub.shared.SecureTokens.sha256(old))
                .update();
        jdbc.sql("UPDATE ideas_link SET revoked_at = now() WHERE token_hash = :h")
                .param("h", org.clientclub.shared.SecureTokens.sha256(revoked))
                .update();

        assertThat(ideas.opens(authorToken)).isTrue();
        for (String token : List.of(old, revoked, "x".repeat(43), "../../etc/passwd", "", authorToken + "A")) {
            assertThat(ideas.opens(token)).as(token).isFalse();
            assertThatThrownBy(() -> ideas.submit(
                            token,
                            UUID.randomUUID().toString(),
                            draft("Идея по ссылке", "Описание идеи, достаточно длинное.")))
                    .isInstanceOfSatisfying(
                            IdeaRefused.class,
                            refused -> assertThat(refused.reasons())
                                    .extracting(IdeaRefused.Reason::key)
                                    .containsExactly("ideas.refused.link"));
        }
    }

    @Test
    void aMemberSupportsAnotherMembersIdeaOnceMayWithdrawAndCannotSupportTheirOwn() {
        IdeaId idea = ideas.submit(
                authorToken,
                UUID.randomUUID().toString(),
                draft("Почтоматы во дворах", "Поставить почтоматы во дворах больших домов."));

        ideas.support(supporterToken, idea);
        ideas.support(supporterToken, idea);
        assertThat(ideas.supporters(idea)).isEqualTo(1);

        assertThatThrownBy(() -> ideas.support(authorToken, idea))
                .isInstanceOfSatisfying(
                        IdeaRefused.class,
                        refused -> assertThat(refused.reasons())
                                .extracting(IdeaRefused.Reason::key)
                                .containsExactly("ideas.refused.ownIdea"));
        assertThatThrownBy(() -> ideas.support(supporterToken, IdeaId.of(Long.MAX_VALUE)))
                .isInstanceOf(IdeaRefused.class);

        ideas.withdrawSupport(supporterToken, idea);
        ideas.withdrawSupport(supporterToken, idea);
        assertThat(ideas.supporters(idea)).isZero();
    }

    @Test
    void similarIdeasAreFoundByAlikeTitlesAndByWordsInAnyForm() {
        String town = "Тестоград" + UUID.randomUUID().toString().substring(0, 6);
        IdeaId lockers = ideas.submit(
                authorToken,
                UUID.randomUUID().toString(),
                draft("Больше почтоматов в " + town, "Почтоматов мало, очереди за посылками длинные."));
        IdeaId delivery = ideas.submit(
                authorToken,
                UUID.randomUUID().toString(),
                draft("Курьер в выходные " + town, "Хочу, чтобы курьерская доставка работала по субботам."));

        assertThat(ideas.similar("Больше почтоматов в " + town.substring(0, town.length() - 2), 5))
                .extracting(SimilarIdea::id)
                .startsWith(lockers);
        assertThat(ideas.similar("курьерскую доставку " + town, 5))
                .extracting(SimilarIdea::id)
                .contains(delivery)
                .doesNotContain(lockers);
        assertThat(ideas.similar("по", 5)).isEmpty();
        // A parameter, never SQL: no "OR 1=1" that would list every idea.
        assertThat(ideas.similar("%' OR 1=1 --", 5)).extracting(SimilarIdea::id).doesNotContain(lockers, delivery);
    }

    private static IdeaDraft draft(String title, String description) {
        return new IdeaDraft(title, description, IdeaTopic.POST_OFFICE_SERVICE, null, List.of());
    }

    private static byte[] jpeg() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB), "jpeg", out);
        return out.toByteArray();
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
