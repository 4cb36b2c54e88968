package org.clientclub.membership;

import java.time.Instant;

/** A confirmed applicant who answered "yes" became a member. */
public record MemberJoined(MemberId memberId, String memberNumber, String email, String language, Instant joinedAt) {}
