package org.clientclub.mail.internal;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MailRecipientRepository extends JpaRepository<MailRecipient, String> {

    Optional<MailRecipient> findByUnsubscribeToken(String token);

    /** Safe when two nodes write to a new address at once. */
    @Modifying
    @Query(value = """
            INSERT INTO mail_recipient (email, unsubscribe_token) VALUES (:email, :token)
            ON CONFLICT (email) DO NOTHING""", nativeQuery = true)
    void insertIfAbsent(@Param("email") String email, @Param("token") String token);
}
