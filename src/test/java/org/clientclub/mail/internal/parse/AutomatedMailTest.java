package org.clientclub.mail.internal.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.clientclub.mail.InboundMessage;
import org.clientclub.mail.InboundMessage.Automatic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which mail a machine wrote, by its headers and addresses; and that what people write is not taken for it. */
class AutomatedMailTest {

    private final InboundParser parser = new InboundParser();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "majordomo@lists.example.ru | MAILING_LIST",
                "LISTSERV@listserv.example.edu | MAILING_LIST",
                "listproc@example.org | MAILING_LIST",
                "club-news-request@lists.example.ru | MAILING_LIST",
                "owner-club-news@lists.example.ru | MAILING_LIST",
                "club-news-bounces@lists.example.ru | MAILING_LIST",
                "club-news-bounces+maria=example.ru@lists.example.ru | MAILING_LIST",
                "noreply@shop.example.ru | NO_REPLY",
                "no-reply@shop.example.ru | NO_REPLY",
                "no_reply@shop.example.ru | NO_REPLY",
                "do-not-reply@bank.example | NO_REPLY",
                "DoNotReply@bank.example | NO_REPLY",
                "orders-noreply@shop.example.ru | NO_REPLY",
                "noreply.orders@shop.example.ru | NO_REPLY",
                "maria@example.ru | NONE",
                "replyguy@example.ru | NONE",
                "owner@example.ru | NONE",
                "cafe-owner@example.ru | NONE",
                "request@example.ru | NONE",
                "majordomo.fan@example.ru | NONE"
            })
    void robotsAreKnownByTheirAddress(String from, Automatic expected) {
        assertThat(parse("From: " + from + "\r\nSubject: Hello\r\n").automatic())
                .isEqualTo(expected);
    }

    @Test
    void aListThatRelaysAPersonsMessageIsKnownByItsSenderOrEnvelope() {
        assertThat(parse("From: anna@example.ru\r\nSender: owner-friends@lists.example.ru\r\nSubject: Hi\r\n")
                        .automatic())
                .isEqualTo(Automatic.MAILING_LIST);
        assertThat(parse("Return-Path: <friends-bounces@lists.example.ru>\r\nFrom: anna@example.ru\r\nSubject: Hi\r\n")
                        .automatic())
                .isEqualTo(Automatic.MAILING_LIST);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Subject: Read: Club questionnaire",
                "Subject: =?UTF-8?B?0J/RgNC+0YfQuNGC0LDQvdC+OiDQkNC90LrQtdGC0LA=?=",
                "Subject: Gelesen: Fragebogen",
                "Subject: Not read: Club questionnaire",
                "Content-Type: multipart/report; report-type=disposition-notification; boundary=b"
            })
    void readReceiptsAreKnownByTheirSubjectOrTheirReport(String header) {
        assertThat(parse("From: maria@example.ru\r\n" + header + "\r\n").automatic())
                .isEqualTo(Automatic.READ_RECEIPT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "List-Id: Club friends <friends.lists.example.ru>",
                "List-Unsubscribe: <mailto:unsubscribe@shop.example.ru>",
                "List-Post: <mailto:friends@lists.example.ru>",
                "Precedence: bulk",
                "Precedence: list",
                "Precedence: JUNK"
            })
    void bulkMailIsKnownByItsListHeadersAndPrecedence(String header) {
        assertThat(parse("From: news@shop.example.ru\r\n" + header + "\r\nSubject: Sale\r\n")
                        .automatic())
                .isEqualTo(Automatic.BULK);
    }

    @Test
    void autoSubmittedOtherThanNoIsAnAutomaticMessage() {
        assertThat(parse("From: crm@shop.example.ru\r\nAuto-Submitted: auto-generated\r\nSubject: Hi\r\n")
                        .automatic())
                .isEqualTo(Automatic.AUTO_REPLY);
        assertThat(parse("From: maria@example.ru\r\nAuto-Submitted: no\r\nSubject: Hi\r\n")
                        .automatic())
                .isEqualTo(Automatic.NONE);
    }

    @Test
    void aPersonsMessageThatAsksForAReadReceiptOrSaysReadIsNotOne() {
        assertThat(parse("From: maria@example.ru\r\nDisposition-Notification-To: maria@example.ru\r\n"
                                + "Subject: Анкета\r\n")
                        .automatic())
                .isEqualTo(Automatic.NONE);
        assertThat(parse("From: maria@example.ru\r\nSubject: Ready: my questionnaire\r\n")
                        .automatic())
                .isEqualTo(Automatic.NONE);
    }

    @Test
    void outlooksSuppressionForbidsAnAutomaticAnswerWithoutMakingTheMessageAutomatic() {
        InboundMessage all = parse("From: maria@example.ru\r\nX-Auto-Response-Suppress: All\r\nSubject: Hi\r\n");
        assertThat(all.automatic()).isEqualTo(Automatic.NONE);
        assertThat(all.autoRepliesSuppressed()).isTrue();
        assertThat(parse("From: maria@example.ru\r\nX-Auto-Response-Suppress: DR, AutoReply\r\nSubject: Hi\r\n")
                        .autoRepliesSuppressed())
                .isTrue();
        assertThat(parse("From: maria@example.ru\r\nX-Auto-Response-Suppress: OOF, DR\r\nSubject: Hi\r\n")
                        .autoRepliesSuppressed())
                .isFalse();
        assertThat(parse("From: maria@example.ru\r\nSubject: Hi\r\n").autoRepliesSuppressed())
                .isFalse();
    }

    private InboundMessage parse(String headers) {
        return parser.parse((headers + "\r\nHello\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
