package org.clientclub.membership;

import java.time.Instant;

/** A line of the members list. */
public record MemberSummary(
        MemberId id, String memberNumber, String fullName, String email, String town, Instant joinedAt) {}
