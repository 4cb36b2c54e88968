package org.clientclub.security;

import java.util.List;
import java.util.Optional;

/**
 * The one identity store for staff. The workflow module implements it on the engine's identity service, so
 * that the staff app and the Camunda webapps know the same accounts, passwords and groups.
 */
public interface StaffDirectory {

    /** The account when the password matches, empty otherwise (unknown user or wrong password alike). */
    Optional<StaffAccount> authenticate(String username, String password);

    Optional<StaffAccount> find(String username);

    /** Staff holding the role, for "assign to a colleague". */
    List<StaffAccount> findByRole(String role);

    /** Creates the account, or updates it and sets the new password if it exists. */
    void save(StaffAccount account, String password);
}
