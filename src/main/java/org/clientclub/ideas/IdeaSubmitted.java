package org.clientclub.ideas;

import org.clientclub.membership.MemberId;

/** A member proposed an idea, which is now stored with its photos. */
public record IdeaSubmitted(IdeaId idea, MemberId author, IdeaTopic topic) {}
