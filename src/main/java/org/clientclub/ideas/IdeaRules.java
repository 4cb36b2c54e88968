package org.clientclub.ideas;

/** The limits of a proposal, for the page that shows them and the service that enforces them. */
public final class IdeaRules {

    public static final int MIN_TITLE = 5;
    public static final int MAX_TITLE = 150;
    public static final int MIN_DESCRIPTION = 20;
    public static final int MAX_DESCRIPTION = 5_000;
    public static final int MAX_PHOTOS = 3;
    /** Per photo, as uploaded. */
    public static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;

    private IdeaRules() {}
}
