package org.clientclub.membership;

import java.time.LocalDate;

/** What a guardian sees before deciding: whose application it is and the consent they give. */
public record GuardianRequest(String applicantName, LocalDate applicantBirthDate, ConsentDocument consent) {}
