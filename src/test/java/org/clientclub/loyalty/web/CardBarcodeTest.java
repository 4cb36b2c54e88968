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
import org.clientclub.loyalty.LoyaltyService;
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
 * The card link from the welcome e-mail: the card's barcode and QR code as images, and the member's page with what each entry
 * was for.
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
    LoyaltyService loyalty;

    @Test
    void theWelcomeEmailShowsTheCardsBarcodeAndQrCodeServedFromTheCardLink() throws Exception {
        String email = TestQuestionnaires.newEmail();
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, email);
        String card = Members.cardOf(jdbc, memberId);
        MimeMessage welcome = new Mailbox(greenMail).awaitMessage(email, 2);
        String cardPath = Mailbox.linkPath(welcome, "card");

        assertThat(Mailbox.decoded(welcome)).containsPattern(
                "<img[^>]* src=\"https?://[^\"]+" + cardPath + "/barcode\\.png\"[^>]* alt=\"" + card + "\"");

        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        MockHttpServletResponse png = mvc.perform(get(cardPath + "/barcode.png")).andReturn().getResponse();
        assertThat(png.getStatus()).isEqualTo(200);
        assertThat(png.getContentType()).isEqualTo("image/png");
        assertThat(png.getHeader("Cache-Control")).contains("max-age=3600").contains("private");
        assertThat(scan(png.getContentAsByteArray())).as("a till reads the card number").isEqualTo(card);

        assertThat(Mailbox.decoded(welcome)).containsPattern(
                "<img[^>]* src=\"https?://[^\"]+" + cardPath + "/qr\\.png\"[^>]* alt=\"" + card + "\"");
        MockHttpServletResponse qr = mvc.perform(get(cardPath + "/qr.png")).andReturn().getResponse();
        assertThat(qr.getStatus()).isEqualTo(200);
        assertThat(qr.getContentType()).isEqualTo("image/png");
        assertThat(new QRCodeReader().decode(bitmap(qr.getContentAsByteArray())).getText())
                .as("a phone reads the card number").isEqualTo(card);
        assertThat(mvc.perform(get("/card/" + "z".repeat(43) + "/qr.png")).andReturn().getResponse().getStatus())
                .isEqualTo(404);

        MockHttpServletResponse forged = mvc.perform(get("/card/" + "z".repeat(43) + "/barcode.png"))
                .andReturn().getResponse();
        assertThat(forged.getStatus()).isEqualTo(404);
        assertThat(forged.getContentAsByteArray()).isEmpty();
    }

    @Test
    void theCardPageSaysWhatTheClubBookedForAndWhereButKeepsStaffNotesToTheClub() throws Exception {
        String email = TestQuestionnaires.newEmail();
        long memberId = Members.joinWithWelcomeBonus(membership, greenMail, jdbc, email);
        String cardPath = Mailbox.linkPath(new Mailbox(greenMail).awaitMessage(email, 2), "card");
        loyalty.redeem(memberId, 30, "630000", "redeem:" + memberId, "Касса 3, пометка для бухгалтерии");

        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        String page = mvc.perform(get(cardPath).header("Accept-Language", "ru")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("Приветственные баллы за вступление в клуб", "списание", "-30",
                        "Списание в отделении 630000").doesNotContain("Касса 3");
    }

    private static String scan(byte[] png) throws Exception {
        return new EAN13Reader().decode(bitmap(png)).getText();
    }

    private static BinaryBitmap bitmap(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        return new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
    }
}
