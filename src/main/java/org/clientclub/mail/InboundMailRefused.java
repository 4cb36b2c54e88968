package org.clientclub.mail;

/**
 * A handler will not take a message now, e.g. staff asked to handle it again while a person is still working on
 * it. Mail rolls back what it did for the message and shows staff the handler's reason.
 */
public class InboundMailRefused extends RuntimeException {

    private final String reasonKey;

    /** @param reasonKey a message key the handler owns, shown to staff as it is */
    public InboundMailRefused(String reasonKey) {
        super(reasonKey);
        this.reasonKey = reasonKey;
    }

    public String reasonKey() {
        return reasonKey;
    }
}
