package org.clientclub.loyalty.internal.imports;

import java.util.HashMap;
import java.util.Map;

/**
 * An upload arriving at this node, followed by the import's reading thread: it takes each part from here when the
 * part came after it started reading, from the database when before, and waits for the parts still to come.
 * The parts waiting to be read are bounded, so the upload waits for a reader that lags.
 */
final class Arrival {
    static final int WAITING_PARTS = 8;
    /** What {@link #part} returns for a part to be read from the database. */
    static final byte[] IN_DATABASE = new byte[0];

    private final Map<Integer, byte[]> waiting = new HashMap<>();
    private int kept;
    private boolean complete;
    private boolean brokeOff;
    private boolean reading;

    synchronized void kept(int partNo, byte[] data) throws InterruptedException {
        while (reading && waiting.size() >= WAITING_PARTS) {
            wait();
        }
        if (reading) {
            waiting.put(partNo, data);
        }
        kept = partNo + 1;
        notifyAll();
    }

    synchronized void complete() {
        complete = true;
        notifyAll();
    }

    synchronized void brokeOff() {
        brokeOff = true;
        notifyAll();
    }

    /**
     * Waits for the part to be kept.
     *
     * @return its bytes, {@link #IN_DATABASE}, or null after the last part
     * @throws IllegalStateException when the upload broke off before the part came
     */
    synchronized byte[] part(int partNo) throws InterruptedException {
        reading = true;
        while (kept <= partNo && !complete && !brokeOff) {
            wait();
        }
        if (kept <= partNo) {
            if (brokeOff) {
                throw new IllegalStateException(ImportFiles.UPLOAD_BROKE_OFF);
            }
            return null;
        }
        byte[] data = waiting.remove(partNo);
        notifyAll();
        return data == null ? IN_DATABASE : data;
    }

    /** The reading thread stopped: the upload no longer waits for it. */
    synchronized void stopReading() {
        reading = false;
        waiting.clear();
        notifyAll();
    }
}
