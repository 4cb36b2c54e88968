package org.clientclub.ideas.internal;

import java.util.regex.Pattern;

/** The key a proposal page sends with its form: a UUID it made when it opened, so a second send stores nothing new. */
final class SubmissionKeys {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private SubmissionKeys() {}

    static boolean wellFormed(String key) {
        return key != null && UUID.matcher(key).matches();
    }
}
