package org.clientclub.membership;

/** How to write to a member: for processes of other modules that send them e-mail. */
public record MemberContact(MemberId memberId, String email, String firstName, String language) {}
