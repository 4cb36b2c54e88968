package org.clientclub.tasks;

/** A process the inbox can filter by. */
public record ProcessOption(String key, String name) {}
