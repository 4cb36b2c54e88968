package org.clientclub.membership;

import java.time.Instant;
import java.util.List;

/** A member's page: the member and every questionnaire submitted with their address. */
public record MemberDetails(
        MemberId id,
        String memberNumber,
        String fullName,
        String email,
        String phone,
        Instant joinedAt,
        List<ApplicationView> applications) {}
