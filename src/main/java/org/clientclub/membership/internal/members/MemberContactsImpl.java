package org.clientclub.membership.internal.members;

import java.util.Optional;
import org.clientclub.membership.MemberContact;
import org.clientclub.membership.MemberContacts;
import org.clientclub.membership.MemberId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link MemberContacts} from the members table. */
@Service
class MemberContactsImpl implements MemberContacts {

    private final MemberRepository members;

    MemberContactsImpl(MemberRepository members) {
        this.members = members;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<MemberContact> of(MemberId memberId) {
        return members.findById(memberId.value())
                .map(m -> new MemberContact(memberId, m.getEmail(), m.getFirstName(), m.getLanguage()));
    }
}
