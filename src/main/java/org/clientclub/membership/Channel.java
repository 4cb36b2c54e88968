package org.clientclub.membership;

/** How a questionnaire or a consent reached the club. */
public enum Channel {
    WEB,
    MAIL
}
