package org.clientclub.membership;

import java.util.Optional;

/**
 * Members' e-mail addresses and languages for the processes of other modules (which run as jobs, without a
 * member of staff). Not for views: they use {@link MembershipService}, which checks the user.
 */
public interface MemberContacts {

    /** @return empty when there is no such member */
    Optional<MemberContact> of(MemberId memberId);
}
