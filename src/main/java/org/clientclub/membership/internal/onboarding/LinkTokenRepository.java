package org.clientclub.membership.internal.onboarding;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface LinkTokenRepository extends JpaRepository<LinkToken, String> {

    /** Locks the token so two clicks at once confirm once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from LinkToken t where t.tokenHash = :hash")
    Optional<LinkToken> findForUpdate(@Param("hash") String hash);
}
