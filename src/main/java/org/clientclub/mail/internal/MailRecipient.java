package org.clientclub.mail.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An address the club writes to, with its unsubscribe token. */
@Entity
@Table(name = "mail_recipient")
public class MailRecipient {

    @Id
    private String email;

    @Column(name = "unsubscribe_token", nullable = false, updatable = false)
    private String unsubscribeToken;

    @Column(name = "unsubscribed_at")
    private Instant unsubscribedAt;

    protected MailRecipient() {
    }

    public String getEmail() {
        return email;
    }

    public String getUnsubscribeToken() {
        return unsubscribeToken;
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
