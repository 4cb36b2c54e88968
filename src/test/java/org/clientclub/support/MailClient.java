package org.clientclub.support;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.util.Properties;

/** A member's mail client: sends a PDF to the club mailbox over the embedded server's SMTP, as people do. */
public final class MailClient {

    private final GreenMail greenMail;

    public MailClient(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** A session that sends through the embedded server's SMTP port. */
    public Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
        return Session.getInstance(properties);
    }

    /**
     * @param messageId the Message-ID to send with, or null for one of the client's own
     * @return the message sent: sent again, it goes out byte for byte the same (a client's or an MTA's retry)
     */
    public MimeMessage sendPdf(
            String from,
            String fromName,
            String to,
            String subject,
            String text,
            String fileName,
            byte[] pdf,
            String messageId)
            throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = new MimeMessage(session()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                if (messageId == null) {
                    super.updateMessageID();
                } else {
                    setHeader("Message-ID", messageId);
                }
            }
        };
        message.setFrom(new InternetAddress(from, fromName, "UTF-8"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, "UTF-8");
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        attachment.setFileName(MimeUtility.encodeText(fileName, "UTF-8", "B"));
        message.setContent(new MimeMultipart(body, attachment));
        Transport.send(message);
        return message;
    }
}
