package org.clientclub.membership;

import java.util.Optional;
import org.clientclub.membership.internal.MemberRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Members' e-mail addresses and languages for the processes of other modules (which run as jobs, without a
 * member of staff). Not for views: they use {@link MembershipService}, which checks the user.
 */
@Service
public class MemberContacts {

    private final MemberRepository members;

    MemberContacts(MemberRepository members) {
        this.members = members;
    }

    @Transactional(readOnly = true)
    public Optional<MemberContact> of(MemberId memberId) {
        return members.findById(memberId.value())
                .map(m -> new MemberContact(memberId, m.getEmail(), m.getFirstName(), m.getLanguage()));
    }
}
