package org.clientclub.membership.internal.consents;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ConsentRecordRepository extends JpaRepository<ConsentRecord, Long> {

    Optional<ConsentRecord> findByApplicationIdAndSubject(Long applicationId, String subject);
}
