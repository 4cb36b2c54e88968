package org.clientclub.membership;

/** What a member wants to take part in. */
public enum Interest {
    IDEAS,
    SURVEYS,
    FOCUS_GROUPS,
    MEETINGS
}
