package org.clientclub.membership.internal.pdf;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How many PDFs this node reads at once. Each read may hold its limits' worth of memory (the file, the decoded
 * streams, PDFBox's objects), so the heap a node needs for PDFs is this count times that, however many messages
 * arrive together; the job executor's threads and any other caller queue here. Memory is per node, so the count
 * is too: no state that matters lives in the semaphore, a node that restarts simply has all slots free.
 */
public final class ReadSlots {

    /**
     * No slot came free in time. Not an outcome for the message: the caller's transaction rolls back and the
     * intake job is retried later (see the retry cycle of Task_ReadQuestionnaire).
     */
    public static final class Busy extends RuntimeException {
        Busy(int slots, Duration waited) {
            super("All " + slots + " PDF reading slots stayed busy for " + waited + "; try again later");
        }
    }

    private final Semaphore slots;
    private final int count;
    private final Duration wait;

    public ReadSlots(int count, Duration wait) {
        if (count < 1) {
            throw new IllegalArgumentException("At least one PDF read at a time, not " + count);
        }
        this.slots = new Semaphore(count, true);
        this.count = count;
        this.wait = wait;
    }

    /** Runs the read in a slot, waiting for one at most the configured time. */
    <T> T run(Supplier<T> read) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy(count, wait);
        }
        if (!acquired) {
            throw new Busy(count, wait);
        }
        try {
            return read.get();
        } finally {
            slots.release();
        }
    }
}
