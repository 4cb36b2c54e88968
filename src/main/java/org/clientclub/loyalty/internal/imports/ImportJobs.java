package org.clientclub.loyalty.internal.imports;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.clientclub.shared.ClubTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The imports as jobs: each claimed by one node, booked from where it stopped, and marked done or failed; a node
 * that stops leaves its import for another to resume. The reading thread prepares the batches
 * ({@link TillExportReader}) while two booking threads book them ({@link BatchBooking}).
 */
@Component
public class ImportJobs {

    /** Batches booked at the same time, each on its own connection. */
    static final int BOOKING_THREADS = 2;

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final JdbcClient jdbc;
    private final ImportFiles files;
    private final TillExportReader exports;
    private final BatchBooking bookings;
    private final Clock clock;

    ImportJobs(JdbcClient jdbc, ImportFiles files, TillExportReader exports, BatchBooking bookings, Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.exports = exports;
        this.bookings = bookings;
        this.clock = clock;
    }

    /** Claims the import unless another node works on it, and books it from where it stopped. */
    public void run(long importId) {
        Arrival arrival = files.arrival(importId);
        if (!claim(importId, arrival != null)) {
            return;
        }
        try {
            if (arrival == null && !received(importId)) {
                throw new IllegalStateException(ImportFiles.UPLOAD_BROKE_OFF); // its node stopped during the upload
            }
            process(importId, arrival);
            jdbc.sql("UPDATE loyalty_import SET status = 'DONE', finished_at = :now WHERE id = :id")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", importId)
                    .update();
        } catch (RuntimeException | IOException e) {
            log.warn("Purchase import {} failed: {}", importId, e.toString());
            jdbc.sql("UPDATE loyalty_import SET status = 'FAILED', failure = :f, finished_at = :now WHERE id = :id")
                    .param(
                            "f",
                            String.valueOf(e.getMessage())
                                    .substring(
                                            0,
                                            Math.min(
                                                    1000,
                                                    String.valueOf(e.getMessage())
                                                            .length())))
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", importId)
                    .update();
        } finally {
            if (arrival != null) {
                arrival.stopReading();
            }
        }
    }

    private boolean received(long importId) {
        return jdbc.sql("SELECT received FROM loyalty_import WHERE id = :id")
                .param("id", importId)
                .query(Boolean.class)
                .single();
    }

    /**
     * @param arrivingHere whether the file is arriving at this node; another node leaves an upload alone until it has
     *                     had no heartbeat for two minutes
     */
    private boolean claim(long importId, boolean arrivingHere) {
        return jdbc.sql("""
                        UPDATE loyalty_import SET status = 'RUNNING', heartbeat_at = :now
                         WHERE id = :id AND (status = 'QUEUED'
                               OR (status = 'RUNNING' AND heartbeat_at < :stale))
                           AND (:here OR received OR coalesce(heartbeat_at, uploaded_at) < :stale)""")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("here", arrivingHere)
                        .param("stale", Timestamp.from(clock.instant().minusSeconds(120)))
                        .param("id", importId)
                        .update()
                == 1;
    }

    /** The line ranges of the batches booked before a restart, in file order. */
    private List<long[]> bookedRanges(long importId) {
        return jdbc.sql(
                        "SELECT first_line, last_line FROM loyalty_import_batch WHERE import_id = :id ORDER BY first_line")
                .param("id", importId)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
    }

    /**
     * Reads and prepares the next batches (parse, card lookup, rating, the rows as COPY bytes) on one thread while
     * this one and a second book the batches before them, each on its own connection: the database's part runs on
     * two cores where it has them, and the Java work hides behind it. As many prepared batches wait as there are
     * booking threads, which bounds the memory.
     */
    private void process(long importId, Arrival arrival) throws IOException {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ClubTime.ZONE));
        List<long[]> booked = bookedRanges(importId);
        Timings timings = new Timings();
        BlockingQueue<Object> prepared = new ArrayBlockingQueue<>(BOOKING_THREADS);
        AtomicBoolean stop = new AtomicBoolean();
        Thread reader = new Thread(
                () -> exports.read(importId, arrival, booked, now, prepared, stop, timings),
                "purchase-import-" + importId);
        reader.setDaemon(true);
        reader.start();
        List<Thread> helpers = new ArrayList<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Runnable booking = () -> {
            try {
                while (!stop.get()) {
                    Object next = prepared.poll(100, TimeUnit.MILLISECONDS);
                    if (next instanceof Batch batch) {
                        bookings.book(importId, batch, timings);
                    } else if (next instanceof Exception e) {
                        failure.compareAndSet(null, e);
                        stop.set(true);
                    } else if (next == TillExportReader.END) {
                        stop.set(true);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(
                        null, new IllegalStateException("Purchase import " + importId + " interrupted", e));
                stop.set(true);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
                stop.set(true);
            } catch (Error e) {
                // A batch that could not be booked stops the others too, so no batch is skipped silently.
                failure.compareAndSet(
                        null, new IllegalStateException("Booking purchase import " + importId + " failed", e));
                stop.set(true);
            }
        };
        for (int i = 1; i < BOOKING_THREADS; i++) {
            Thread helper = new Thread(booking, "purchase-import-" + importId + "-booking-" + i);
            helper.setDaemon(true);
            helper.start();
            helpers.add(helper);
        }
        booking.run();
        try {
            for (Thread helper : helpers) {
                helper.join();
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Purchase import " + importId + " interrupted", e);
        } finally {
            reader.interrupt();
        }
        log.debug("Purchase import {}: {}", importId, timings);
        if (failure.get() instanceof IOException e) {
            throw e;
        } else if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
    }

    /** Imports whose node stopped (no heartbeat for two minutes) or that never started. */
    public List<Long> abandoned() {
        return jdbc.sql("""
                        SELECT id FROM loyalty_import
                         WHERE (status = 'RUNNING' AND heartbeat_at < now() - interval '2 minutes')
                            OR (status = 'QUEUED' AND uploaded_at < now() - interval '1 minute')""").query(Long.class).list();
    }
}
