package org.clientclub.membership.internal.onboarding;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface MembershipApplicationRepository extends JpaRepository<MembershipApplication, Long> {

    List<MembershipApplication> findByEmailOrderBySubmittedAtDesc(String email);
}
