package org.clientclub.mail.internal.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clientclub.mail.quota.*}: how many mails of the capped kinds ({@code MailKind.capped()}) the club
 * writes per day (a UTC day), counted in the database across nodes.
 *
 * @param confirmationsPerRecipient   confirmation links and reminders to one address
 * @param guardianRequestsPerRecipient guardian requests to one address
 * @param rejectionRepliesPerRecipient answers to unusable mailed questionnaires, to one address
 * @param rejectionRepliesPerDomain    the same answers to all addresses of one domain
 * @param totalPerDay                  all capped mails together; reaching it is logged once, as a WARN
 */
@ConfigurationProperties("clientclub.mail.quota")
public record MailQuotaProperties(
        @DefaultValue("3") int confirmationsPerRecipient,
        @DefaultValue("3") int guardianRequestsPerRecipient,
        @DefaultValue("3") int rejectionRepliesPerRecipient,
        @DefaultValue("20") int rejectionRepliesPerDomain,
        @DefaultValue("2000") int totalPerDay) {}
