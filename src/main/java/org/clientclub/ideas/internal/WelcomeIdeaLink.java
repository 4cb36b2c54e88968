package org.clientclub.ideas.internal;

import java.util.Map;
import org.clientclub.membership.MemberId;
import org.clientclub.membership.spi.WelcomeMailContributor;
import org.clientclub.shared.Language;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Puts the new member's personal link for proposing ideas into the welcome e-mail. */
@Component
class WelcomeIdeaLink implements WelcomeMailContributor {

    private final IdeaLinks links;

    WelcomeIdeaLink(IdeaLinks links) {
        this.links = links;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Object> contribute(MemberId member, Language language) {
        return Map.of("ideaUrl", links.issue(member));
    }
}
