package org.clientclub.security;

import java.util.List;

/**
 * Staff roles. Each is also a Camunda group of the same id, so BPMN candidate groups name these constants.
 */
public final class AppRoles {

    /** Works the inbox: reviews, transcriptions, duplicates. */
    public static final String CLUB_STAFF = "CLUB_STAFF";
    /** Runs surveys and groups, edits the club's processes. */
    public static final String CLUB_MANAGER = "CLUB_MANAGER";
    /** Manages staff accounts; a Camunda administrator. */
    public static final String ADMIN = "ADMIN";

    /** Camunda's built-in administrators group, which ADMIN users also belong to. */
    public static final String CAMUNDA_ADMIN_GROUP = "camunda-admin";

    public static final List<String> ALL = List.of(CLUB_STAFF, CLUB_MANAGER, ADMIN);

    /** {@code @PreAuthorize} expression for anything staff do: every role may. */
    public static final String STAFF_EXPRESSION =
            "hasAnyRole('" + CLUB_STAFF + "', '" + CLUB_MANAGER + "', '" + ADMIN + "')";

    /** {@code @PreAuthorize} expression for what only managers (and administrators) may do. */
    public static final String MANAGER_EXPRESSION = "hasAnyRole('" + CLUB_MANAGER + "', '" + ADMIN + "')";

    private AppRoles() {}
}
