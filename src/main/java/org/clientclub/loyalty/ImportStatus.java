package org.clientclub.loyalty;

/** Where a purchase import is: waiting for a node, being booked, booked, or stopped with a reason. */
public enum ImportStatus {
    QUEUED,
    RUNNING,
    DONE,
    FAILED;

    /** Still to finish: its counts go on changing. */
    public boolean running() {
        return this == QUEUED || this == RUNNING;
    }
}
