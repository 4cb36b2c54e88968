package org.clientclub.mail.internal.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An address the club writes to, and whether it opted out of club mail ({@link UnsubscribeTokens} open that). */
@Entity
@Table(name = "mail_recipient")
public class MailRecipient {

    @Id
    private String email;

    @Column(name = "unsubscribed_at")
    private Instant unsubscribedAt;

    protected MailRecipient() {}

    public String getEmail() {
        return email;
    }

    public boolean isUnsubscribed() {
        return unsubscribedAt != null;
    }

    public void unsubscribe(Instant now) {
        if (unsubscribedAt == null) {
            unsubscribedAt = now;
        }
    }
}
