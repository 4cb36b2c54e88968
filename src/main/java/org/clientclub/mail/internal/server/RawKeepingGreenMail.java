package org.clientclub.mail.internal.server;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpConnection;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.SmtpCommand;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.Properties;
import org.clientclub.shared.LogSafe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GreenMail whose SMTP server accepts whatever a real MTA accepts and keeps its bytes. GreenMail's own DATA
 * command parses each message with {@code mail.mime.allowutf8=true} (so raw windows-1251 or KOI8-R header bytes
 * become U+FFFD before anybody reads them) and then builds its IMAP summary from the parsed message, which throws
 * a NullPointerException for a Content-Type without a subtype ({@code Content-Type: text}) and answers 451. Here
 * DATA parses with a session that keeps every header byte (each byte one ISO-8859-1 character, written back
 * unchanged), and GreenMail's summary sees {@code application/octet-stream} wherever the declared type would trip
 * it. The message served over IMAP is the message received, byte for byte; the club's parser reads it leniently.
 */
public class RawKeepingGreenMail extends GreenMail {

    private static final Logger log = LoggerFactory.getLogger(RawKeepingGreenMail.class);

    public RawKeepingGreenMail(ServerSetup[] config) {
        super(config);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        Map<String, AbstractServer> services = super.createServices(config, managers);
        for (ServerSetup setup : config) {
            if (setup.getProtocol().equals(ServerSetup.PROTOCOL_SMTP)) {
                services.put(setup.getProtocol(), new RawKeepingSmtpServer(setup, managers));
            }
        }
        return services;
    }

    private static final class RawKeepingSmtpServer extends SmtpServer {

        RawKeepingSmtpServer(ServerSetup setup, Managers managers) {
            super(setup, managers);
        }

        @Override
        protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
            return new SmtpHandler(new RawKeepingCommands(), managers.getSmtpManager(), clientSocket);
        }
    }

    private static final class RawKeepingCommands extends SmtpCommandRegistry {

        private static final SmtpCommand DATA = new RawKeepingData();

        @Override
        public SmtpCommand getCommand(String name) {
            return "DATA".equals(name) ? DATA : super.getCommand(name);
        }
    }

    /** GreenMail's DATA command, with the message parsed so that its bytes survive and its summary cannot fail. */
    private static final class RawKeepingData extends SmtpCommand {

        private static final Session BYTE_KEEPING = byteKeepingSession();

        @Override
        public void execute(SmtpConnection conn, SmtpState state, SmtpManager manager, String commandLine)
                throws IOException {
            var message = state.getMessage();
            if (message.getReturnPath() == null) {
                conn.send("503 MAIL command required");
                return;
            }
            if (message.getToAddresses().isEmpty()) {
                conn.send("503 RCPT command(s) required");
                return;
            }
            conn.send("354 Start mail input; end with <CRLF>.<CRLF>");
            // The trace fields a receiving MTA adds; line breaks in the client's HELO must not start a header.
            String trace = "Return-Path: <" + oneLine(message.getReturnPath().toString()) + ">\r\n"
                    + "Received: from " + oneLine(conn.getClientAddress()) + " (HELO " + oneLine(conn.getHeloName())
                    + "); " + new Date() + "\r\n";
            try (InputStream in = conn.dotLimitedInputStream(trace.getBytes(StandardCharsets.US_ASCII))) {
                message.setMimeMessage(new KeptMessage(BYTE_KEEPING, in));
            } catch (MessagingException e) {
                // Only an I/O failure gets here: parsing headers and body as bytes never refuses content.
                log.warn("Embedded SMTP: message could not be read: {}", LogSafe.value(e.toString()));
                conn.send("451 Requested action aborted: local error in processing");
                state.clearMessage();
                return;
            }
            try {
                manager.send(state);
                conn.send("250 OK");
            } catch (RuntimeException e) {
                log.error("Embedded SMTP: message could not be delivered", e);
                conn.send("451 Requested action aborted: local error in processing");
            }
            state.clearMessage();
        }

        private static Session byteKeepingSession() {
            Properties properties = new Properties();
            properties.setProperty("mail.mime.allowutf8", "false");
            return Session.getInstance(properties);
        }

        private static String oneLine(String value) {
            return value == null ? "" : value.replaceAll("[\\r\\n]", " ");
        }
    }

    /**
     * A received message. GreenMail copies it for storage by writing it out (every byte as received) and reads its
     * summary for IMAP (BODYSTRUCTURE) from this object; only that summary sees the safe content type.
     */
    private static final class KeptMessage extends MimeMessage {

        KeptMessage(Session session, InputStream in) throws MessagingException {
            super(session, in);
        }

        @Override
        public String getContentType() throws MessagingException {
            String declared = super.getContentType();
            return summarisable(declared) ? declared : "application/octet-stream";
        }

        /** What GreenMail's summary reads: a type with its subtype, and a multipart only with its boundary. */
        private static boolean summarisable(String declared) {
            try {
                ContentType type = new ContentType(declared);
                return !type.getPrimaryType().equalsIgnoreCase("multipart") || type.getParameter("boundary") != null;
            } catch (ParseException | RuntimeException e) {
                return false;
            }
        }
    }
}
