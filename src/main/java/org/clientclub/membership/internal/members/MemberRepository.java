package org.clientclub.membership.internal.members;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface MemberRepository extends JpaRepository<Member, Long> {

    Optional<Member> findByEmail(String email);

    @Query(value = "SELECT nextval('membership_member_number_seq')", nativeQuery = true)
    long nextMemberNumber();

    @Query("""
            select m from Member m
             where :text = ''
                or lower(m.lastName) like :text or lower(m.firstName) like :text
                or lower(concat(m.firstName, ' ', m.lastName)) like :text
                or lower(concat(m.lastName, ' ', m.firstName)) like :text
                or m.email like :text or m.memberNumber like :text or lower(m.town) like :text""")
    List<Member> search(@Param("text") String text, Pageable page);
}
