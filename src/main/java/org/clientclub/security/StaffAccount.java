package org.clientclub.security;

import java.util.Set;

/** A member of staff as the identity store knows them. */
public record StaffAccount(String username, String firstName, String lastName, String email, Set<String> roles) {

    public StaffAccount {
        roles = Set.copyOf(roles);
    }

    public String displayName() {
        return (firstName + " " + lastName).trim();
    }
}
