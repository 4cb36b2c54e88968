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

    /** Newest first. */
    List<Member> findAllByOrderByJoinedAtDescIdDesc(Pageable page);

    /**
     * Members whose names, e-mail address, member number or town hold the pattern (lower case, LIKE's wildcards
     * escaped), newest first, through the trigram index on the same expression (V34).
     */
    @Query(value = """
                    SELECT * FROM membership_member m
                     WHERE lower(m.first_name || ' ' || m.last_name || ' ' || m.first_name || E'\\n' || m.email
                                 || E'\\n' || m.member_number || E'\\n' || m.town) LIKE :pattern
                     ORDER BY m.joined_at DESC, m.id DESC""", nativeQuery = true)
    List<Member> search(@Param("pattern") String pattern, Pageable page);
}
