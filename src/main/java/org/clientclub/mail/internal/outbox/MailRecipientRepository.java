package org.clientclub.mail.internal.outbox;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MailRecipientRepository extends JpaRepository<MailRecipient, String> {

    /** Safe when two nodes write to a new address at once. */
    @Modifying
    @Query(value = """
            INSERT INTO mail_recipient (email) VALUES (:email)
            ON CONFLICT (email) DO NOTHING""", nativeQuery = true)
    void insertIfAbsent(@Param("email") String email);
}
