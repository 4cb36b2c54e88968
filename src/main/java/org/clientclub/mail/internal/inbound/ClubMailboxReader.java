package org.clientclub.mail.internal.inbound;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.clientclub.mail.internal.server.EmbeddedMailServer;
import org.clientclub.shared.LogSafe;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the club mailbox over IMAP: waits with IDLE where the server offers it and polls otherwise. Each unseen
 * message is fetched without touching its flags, stored raw (and handed on) in one transaction, and only after
 * that commits marked seen on the server. A crash in between leaves it unseen, so it is fetched again and the
 * store recognises it. A message that cannot be stored stays unseen and does not hold up the ones behind it; after
 * a few such failures the store keeps it as failed, and then it is marked seen like a stored one.
 */
@Component
public class ClubMailboxReader implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClubMailboxReader.class);
    /** Stored messages marked seen in one command. */
    private static final int SEEN_BATCH = 20;

    private final InboundStore store;
    private final ObjectProvider<EmbeddedMailServer.ClubMailbox> embedded;
    private final boolean enabled;
    private final String host;
    private final int port;
    private final boolean ssl;
    private final String username;
    private final String password;
    private final String folderName;
    private final Duration pollInterval;
    private final int maxMessageBytes;
    private final Object wakeUp = new Object();
    private final ReaderStatus status = new ReaderStatus();

    private volatile boolean running;
    private volatile Store connected;
    private Thread worker;

    public ClubMailboxReader(
            InboundStore store,
            ObjectProvider<EmbeddedMailServer.ClubMailbox> embedded,
            @Value("${clientclub.mailbox.reader-enabled:true}") boolean enabled,
            @Value("${clientclub.mailbox.imap-host:127.0.0.1}") String host,
            @Value("${clientclub.mailbox.imap-port:993}") int port,
            @Value("${clientclub.mailbox.imap-ssl:true}") boolean ssl,
            @Value("${clientclub.mailbox.username:${clientclub.club-mailbox}}") String username,
            @Value("${clientclub.mailbox.password:}") String password,
            @Value("${clientclub.mailbox.folder:INBOX}") String folderName,
            @Value("${clientclub.mailbox.poll-interval:PT30S}") Duration pollInterval,
            @Value("${clientclub.mailbox.max-message-bytes:67108864}") int maxMessageBytes) {
        this.store = store;
        this.embedded = embedded;
        this.enabled = enabled;
        this.host = host;
        this.port = port;
        this.ssl = ssl;
        this.username = username;
        this.password = password;
        this.folderName = folderName;
        this.pollInterval = pollInterval;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public void start() {
        if (!enabled) {
            log.info("Club mailbox reader is off (clientclub.mailbox.reader-enabled=false)");
            return;
        }
        running = true;
        worker = new Thread(this::readForever, "club-mailbox-reader");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        closeQuietly(connected);
        synchronized (wakeUp) {
            wakeUp.notifyAll();
        }
        if (worker != null) {
            try {
                worker.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** What the reader last managed and last failed at, for its health. */
    ReaderStatus.Snapshot status() {
        return status.snapshot(enabled, running);
    }

    /** How long the reader waits between looks at the mailbox (an IDLE lasts as long). */
    Duration pollInterval() {
        return pollInterval;
    }

    /** Fetches what is waiting now, in the caller's thread, e.g. for a check or a test. @return messages stored */
    public int fetchNow() throws MessagingException {
        Store session = connect();
        try {
            Folder inbox = session.getFolder(folderName);
            inbox.open(Folder.READ_WRITE);
            try {
                return fetchUnseen(inbox);
            } finally {
                inbox.close(false);
            }
        } finally {
            closeQuietly(session);
        }
    }

    private void readForever() {
        long backoffMillis = 1000;
        while (running) {
            try {
                connected = connect();
                Folder inbox = connected.getFolder(folderName);
                inbox.open(Folder.READ_WRITE);
                boolean idle = connected instanceof IMAPStore imap && imap.hasCapability("IDLE");
                log.info(
                        "Club mailbox reader connected to {}:{} as {} ({})",
                        hostName(),
                        portNumber(),
                        user(),
                        idle ? "IDLE" : "polling every " + pollInterval);
                backoffMillis = 1000;
                while (running && inbox.isOpen()) {
                    fetchUnseen(inbox);
                    status.succeeded(Instant.now());
                    if (idle) {
                        idleUntilNewMailOrTimeout((IMAPFolder) inbox);
                    } else {
                        pause(pollInterval.toMillis());
                    }
                }
            } catch (MessagingException | RuntimeException e) {
                if (running) {
                    status.failed(Instant.now(), e);
                    log.warn(
                            "Club mailbox reader: {}; trying again in {} s",
                            LogSafe.value(e.toString()),
                            backoffMillis / 1000);
                    pause(backoffMillis);
                    backoffMillis = Math.min(backoffMillis * 2, pollInterval.toMillis() * 4);
                }
            } finally {
                closeQuietly(connected);
                connected = null;
            }
        }
    }

    /** IDLE ends when the server reports news, or when the watchdog touches the folder after the poll interval. */
    private void idleUntilNewMailOrTimeout(IMAPFolder inbox) throws MessagingException {
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "club-mailbox-idle-watchdog");
            t.setDaemon(true);
            return t;
        });
        try {
            ScheduledFuture<?> nudge = watchdog.schedule(
                    () -> {
                        try {
                            // Any command on the folder from another thread ends its IDLE.
                            inbox.getMessageCount();
                        } catch (MessagingException e) {
                            log.debug("IDLE nudge failed: {}", e.toString());
                        }
                    },
                    pollInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
            inbox.idle(true);
            nudge.cancel(false);
        } finally {
            watchdog.shutdownNow();
        }
    }

    private int fetchUnseen(Folder inbox) throws MessagingException {
        Message[] unseen = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        int stored = 0;
        List<Message> done = new ArrayList<>();
        try {
            for (Message message : unseen) {
                if (!running && worker != null && Thread.currentThread() == worker) {
                    break;
                }
                // The size is counted while the bytes are read: asking the server for it first costs a round
                // trip per message (and the server an ENVELOPE), a third of the reader's time on big messages.
                LimitedBuffer buffer = new LimitedBuffer(maxMessageBytes);
                boolean fetched = false;
                try {
                    message.writeTo(buffer);
                    fetched = true;
                    if (buffer.truncated) {
                        log.warn(
                                "Club mailbox: message {} is over {} bytes; its first part is stored, the whole stays on the server",
                                message.getMessageNumber(),
                                maxMessageBytes);
                    }
                    if (store.store(buffer.toByteArray(), buffer.total, buffer.truncated)
                            .isPresent()) {
                        stored++;
                    }
                    done.add(message);
                } catch (MessagingException | IOException | RuntimeException e) {
                    // Left unseen: fetched again next time, while the messages behind it go on; a message that
                    // came whole but keeps failing is kept as failed instead, so it is not fetched forever.
                    if (fetched && keptAsFailed(buffer, e)) {
                        done.add(message);
                    } else {
                        log.warn(
                                "Club mailbox: message {} could not be stored: {}",
                                message.getMessageNumber(),
                                LogSafe.value(e.toString()));
                    }
                }
                if (done.size() >= SEEN_BATCH) {
                    markSeen(inbox, done);
                }
            }
        } finally {
            markSeen(inbox, done);
        }
        return stored;
    }

    private boolean keptAsFailed(LimitedBuffer buffer, Exception error) {
        try {
            return store.storeFailed(buffer.toByteArray(), buffer.total, buffer.truncated, error);
        } catch (RuntimeException e) {
            log.warn("Club mailbox: the failure could not be recorded either: {}", LogSafe.value(e.toString()));
            return false;
        }
    }

    /**
     * Marks stored messages seen, several in one command. Each was committed before; should marking fail or the
     * reader stop first, they are fetched again and the store recognises them.
     */
    private static void markSeen(Folder inbox, List<Message> done) throws MessagingException {
        if (done.isEmpty()) {
            return;
        }
        try {
            inbox.setFlags(done.toArray(new Message[0]), new Flags(Flags.Flag.SEEN), true);
        } finally {
            done.clear();
        }
    }

    private Store connect() throws MessagingException {
        Properties properties = new Properties();
        String protocol = isEmbedded() || !ssl ? "imap" : "imaps";
        properties.put("mail.store.protocol", protocol);
        // Fetch bodies with BODY.PEEK: the message is marked seen only once it is stored.
        properties.put("mail." + protocol + ".peek", "true");
        properties.put("mail." + protocol + ".connectiontimeout", "10000");
        properties.put("mail." + protocol + ".timeout", "60000");
        properties.put("mail." + protocol + ".partialfetch", "false");
        Store session = Session.getInstance(properties).getStore(protocol);
        session.connect(hostName(), portNumber(), user(), secret());
        return session;
    }

    private boolean isEmbedded() {
        return embedded.getIfAvailable() != null;
    }

    private String hostName() {
        return isEmbedded() ? "127.0.0.1" : host;
    }

    private int portNumber() {
        EmbeddedMailServer.ClubMailbox mailbox = embedded.getIfAvailable();
        return mailbox != null ? mailbox.imapPort() : port;
    }

    private String user() {
        EmbeddedMailServer.ClubMailbox mailbox = embedded.getIfAvailable();
        return mailbox != null ? mailbox.address() : username;
    }

    private String secret() {
        EmbeddedMailServer.ClubMailbox mailbox = embedded.getIfAvailable();
        return mailbox != null ? mailbox.password() : password;
    }

    private void pause(long millis) {
        synchronized (wakeUp) {
            if (running) {
                try {
                    wakeUp.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    private static void closeQuietly(Store session) {
        if (session != null) {
            try {
                session.close();
            } catch (MessagingException e) {
                log.debug("Closing the IMAP connection: {}", e.toString());
            }
        }
    }

    /** Keeps the first {@code limit} bytes and counts the rest. */
    private static final class LimitedBuffer extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int limit;
        private long total;
        private boolean truncated;

        LimitedBuffer(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            total += len;
            int room = (int) Math.max(0, Math.min(len, (long) limit - bytes.size()));
            bytes.write(b, off, room);
            truncated |= room < len;
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }
    }
}
