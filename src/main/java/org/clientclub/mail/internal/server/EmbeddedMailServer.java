package org.clientclub.mail.internal.server;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The embedded default's mail server: an in-process GreenMail with SMTP and IMAP on unprivileged ports. It
 * accepts mail for any address, so the demo mailbox shows every e-mail the club sends. Port 0 picks a free port
 * (tests). It accepts what a real MTA accepts and keeps every byte ({@link RawKeepingGreenMail}). Turn it off
 * with {@code clientclub.mail.embedded=false} and configure {@code spring.mail.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "clientclub.mail.embedded", havingValue = "true", matchIfMissing = true)
public class EmbeddedMailServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);

    /** The club mailbox's credentials in the embedded server; the password is new at every start. */
    public record ClubMailbox(String address, String password, int imapPort) {}

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail greenMail(
            @Value("${clientclub.mail.embedded-smtp-port:3025}") int smtpPort,
            @Value("${clientclub.mail.embedded-imap-port:3143}") int imapPort) {
        ServerSetup smtp = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        ServerSetup imap = new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP);
        return new RawKeepingGreenMail(
                new ServerSetup[] {smtpPort == 0 ? smtp.dynamicPort() : smtp, imapPort == 0 ? imap.dynamicPort() : imap
                });
    }

    @Bean
    ClubMailbox clubMailbox(GreenMail greenMail, @Value("${clientclub.club-mailbox}") String address) {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        greenMail.setUser(address, address, password);
        int imapPort = greenMail.getImap().getPort();
        log.info(
                "Embedded mail server: SMTP 127.0.0.1:{}, IMAP 127.0.0.1:{}; club mailbox {} (password {})",
                greenMail.getSmtp().getPort(),
                imapPort,
                address,
                password);
        return new ClubMailbox(address, password, imapPort);
    }

    @Bean
    JavaMailSenderImpl mailSender(GreenMail greenMail) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(greenMail.getSmtp().getPort());
        sender.setDefaultEncoding("UTF-8");
        Properties properties = new Properties();
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "10000");
        sender.setJavaMailProperties(properties);
        return sender;
    }
}
