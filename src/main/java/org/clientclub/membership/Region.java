package org.clientclub.membership;

/** A federal subject, named in the reader's language. */
public record Region(String code, String name) {}
