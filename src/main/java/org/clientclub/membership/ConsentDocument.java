package org.clientclub.membership;

/** A version of the consent to personal-data processing, in one language. */
public record ConsentDocument(int version, String language, String title, String body) {}
