package org.clientclub.membership.internal.consents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.clientclub.membership.Channel;

/** Proof of consent: who accepted which version of the document, when, and how. */
@Entity
@Table(name = "membership_consent")
public class ConsentRecord {

    public static final String APPLICANT = "APPLICANT";
    public static final String GUARDIAN = "GUARDIAN";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "application_id", nullable = false, updatable = false)
    private Long applicationId;

    @Column(nullable = false, updatable = false)
    private String subject;

    @Column(name = "subject_email", nullable = false, updatable = false)
    private String subjectEmail;

    @Column(name = "document_version", nullable = false, updatable = false)
    private int documentVersion;

    @Column(nullable = false, updatable = false)
    private String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Column(name = "accepted_at", nullable = false, updatable = false)
    private Instant acceptedAt;

    @Column(name = "client_address", updatable = false)
    private String clientAddress;

    protected ConsentRecord() {}

    public ConsentRecord(
            long applicationId,
            String subject,
            String subjectEmail,
            int documentVersion,
            String language,
            Channel channel,
            Instant acceptedAt,
            String clientAddress) {
        this.applicationId = applicationId;
        this.subject = subject;
        this.subjectEmail = subjectEmail;
        this.documentVersion = documentVersion;
        this.language = language;
        this.channel = channel;
        this.acceptedAt = acceptedAt;
        this.clientAddress =
                clientAddress == null || clientAddress.length() <= 64 ? clientAddress : clientAddress.substring(0, 64);
    }

    public String getSubject() {
        return subject;
    }

    public int getDocumentVersion() {
        return documentVersion;
    }

    public Channel getChannel() {
        return channel;
    }

    public Instant getAcceptedAt() {
        return acceptedAt;
    }
}
