package org.clientclub.ideas;

/** An existing idea that reads like the title being typed, for the member to support instead. */
public record SimilarIdea(IdeaId id, String title, IdeaStatus status, int supporters) {}
