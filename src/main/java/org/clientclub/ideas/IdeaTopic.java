package org.clientclub.ideas;

/** What an idea is about; each has the message key {@code ideas.topic.<NAME>}. */
public enum IdeaTopic {
    POST_OFFICE_SERVICE,
    DELIVERY,
    PARCELS,
    ONLINE_SERVICES,
    PRICES,
    STAFF,
    OTHER;

    public String messageKey() {
        return "ideas.topic." + name();
    }
}
