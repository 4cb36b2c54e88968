package org.clientclub.mail.internal;

public enum OutboxStatus {
    PENDING,
    SENT,
    FAILED,
    SUPPRESSED
}
