package org.clientclub.support;

/**
 * Small rate limits and quotas for the tests of hostile input, so that reaching one takes a handful of requests.
 * Test classes that name all of them, in this order, share one application context.
 */
public final class TightLimits {

    public static final String JOIN_PER_HOUR = "clientclub.join.rate-limit-per-hour=5";
    public static final String CONFIRMATIONS_PER_RECIPIENT = "clientclub.mail.quota.confirmations-per-recipient=2";
    public static final String MESSAGES_PER_SENDER = "clientclub.mailbox.max-messages-per-sender-per-day=3";
    public static final String REPLIES_PER_RECIPIENT = "clientclub.mail.quota.rejection-replies-per-recipient=1";

    private TightLimits() {}
}
