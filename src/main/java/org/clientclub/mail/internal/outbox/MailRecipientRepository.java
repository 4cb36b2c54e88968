package org.clientclub.mail.internal.outbox;

import org.springframework.data.jpa.repository.JpaRepository;

/** Recipients for the unsubscribe link; {@link OutboxWriter} records new ones as it writes to them. */
public interface MailRecipientRepository extends JpaRepository<MailRecipient, String> {}
