package org.clientclub.loyalty.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.oned.EAN13Reader;
import com.google.zxing.qrcode.QRCodeReader;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.clientclub.loyalty.PointsService;
import org.clientclub.loyalty.SourceRef;
import org.clientclub.mail.DemoMailbox;
import org.clientclub.membership.MembershipService;
import org.clientclub.support.Mailbox;
import org.clientclub.support.Members;
import org.clientclub.support.TestQuestionnaires;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The card in the welcome e-mail: its barcode and QR code carried inside the message, the barcode behind the card
 * link for e-mails sent before, and the member's page with what each entry was for.
 */
@SpringBootTest
@WithMockUser(username = "cashier", roles = "CLUB_STAFF")
class CardBarcodeTest {

    @Autowired
    WebApplicationContext context;

    @Autowired
    MembershipService membership;

    @Autowired
    GreenMail greenMail;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PointsService pointsService;

    @Autowired
    DemoMailbox demoMailbox;

    @Test
    void theWelcomeEmailCarriesTheCardsBarcodeAndQrCodeInsideIt() throws Exception {
        String email = TestQuestionnaires.newEmail();
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, email);
        String card = Members.cardOf(jdbc, memberId);
        MimeMessage welcome = new Mailbox(greenMail).awaitMessage(email, 2);

        assertThat(Mailbox.decoded(welcome))
                .containsPattern("<img[^>]* src=\"cid:cardBarcode\"[^>]* alt=\"" + card + "\"")
                .containsPattern("<img[^>]* src=\"cid:cardQrCode\"[^>]* alt=\"" + card + "\"");
        assertThat(new EAN13Reader()
                        .decode(bitmap(Mailbox.inlinePart(welcome, "cardBarcode")))
                        .getText())
                .as("a till reads the card number off the e-mail")
                .isEqualTo(card);
        assertThat(new QRCodeReader()
                        .decode(bitmap(Mailbox.inlinePart(welcome, "cardQrCode")))
                        .getText())
                .as("a phone reads it too")
                .isEqualTo(card);
        assertThat(demoMailbox.messages(email))
                .filteredOn(m -> m.html().contains(card))
                .singleElement()
                .satisfies(shown -> assertThat(shown.html())
                        .as("the demo mailbox's frame shows the HTML alone")
                        .contains("src=\"data:image/png;base64,")
                        .doesNotContain("cid:"));
    }

    @Test
    void welcomeEmailsSentBeforeFindTheBarcodeBehindTheCardLink() throws Exception {
        String email = TestQuestionnaires.newEmail();
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, email);
        String card = Members.cardOf(jdbc, memberId);
        String cardPath = Mailbox.linkPath(new Mailbox(greenMail).awaitMessage(email, 2), "card");

        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        MockHttpServletResponse png =
                mvc.perform(get(cardPath + "/barcode.png")).andReturn().getResponse();
        assertThat(png.getStatus()).isEqualTo(200);
        assertThat(png.getContentType()).isEqualTo("image/png");
        assertThat(png.getHeader("Cache-Control")).contains("max-age=3600").contains("private");
        assertThat(new EAN13Reader().decode(bitmap(png.getContentAsByteArray())).getText())
                .isEqualTo(card);

        MockHttpServletResponse forged = mvc.perform(get("/card/" + "z".repeat(43) + "/barcode.png"))
                .andReturn()
                .getResponse();
        assertThat(forged.getStatus()).isEqualTo(404);
        assertThat(forged.getContentAsByteArray()).isEmpty();
    }

    @Test
    void theCardPageSaysWhatTheClubBookedForAndWhereButKeepsStaffNotesToTheClub() throws Exception {
        String email = TestQuestionnaires.newEmail();
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, email);
        String cardPath = Mailbox.linkPath(new Mailbox(greenMail).awaitMessage(email, 2), "card");
        pointsService.redeem(
                memberId, 30, "630000", new SourceRef("redeem:" + memberId), "Касса 3, пометка для бухгалтерии");

        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .apply(springSecurity())
                .build();
        String page = mvc.perform(get(cardPath).header("Accept-Language", "ru"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page)
                .contains("Приветственные баллы за вступление в клуб", "списание", "-30", "Списание в отделении 630000")
                .doesNotContain("Касса 3");
    }

    private static BinaryBitmap bitmap(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new BinaryBitmap(
                new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
    }
}
