package org.clientclub.ideas.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.clientclub.ideas.IdeaDraft;
import org.clientclub.ideas.IdeaId;
import org.clientclub.ideas.IdeaRefused;
import org.clientclub.ideas.IdeaService;
import org.clientclub.ideas.IdeaSubmitted;
import org.clientclub.ideas.SimilarIdea;
import org.clientclub.membership.MemberContacts;
import org.clientclub.membership.MemberId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class IdeaServiceImpl implements IdeaService {

    private static final int MIN_SIMILAR_TEXT = 3;

    private final IdeaLinks links;
    private final IdeaStore store;
    private final MemberContacts members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IdeaServiceImpl(
            IdeaLinks links, IdeaStore store, MemberContacts members, ApplicationEventPublisher events, Clock clock) {
        this.links = links;
        this.store = store;
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    @Override
    @Transactional
    public String proposalLink(MemberId member) {
        return links.issue(member);
    }

    @Override
    @Transactional(readOnly = true)
    public boolean opens(String token) {
        return member(token).isPresent();
    }

    @Override
    @Transactional
    public IdeaId submit(String token, String submissionKey, IdeaDraft typed) {
        MemberId author = member(token).orElseThrow(IdeaServiceImpl::badLink);
        if (!SubmissionKeys.wellFormed(submissionKey)) {
            throw new IllegalArgumentException("Not a submission key");
        }
        IdeaDraft draft = DraftCheck.normalised(typed);
        List<IdeaRefused.Reason> reasons = new ArrayList<>(DraftCheck.problems(draft));
        List<Photos.Photo> photos = new ArrayList<>();
        for (int i = 0; i < draft.photos().size(); i++) {
            try {
                photos.add(Photos.clean(draft.photos().get(i)));
            } catch (Photos.Refused refused) {
                reasons.add(new IdeaRefused.Reason(refused.reasonKey(), i + 1));
            }
        }
        if (!reasons.isEmpty()) {
            throw new IdeaRefused(reasons);
        }
        Instant now = clock.instant();
        Optional<IdeaId> inserted = store.insert(author, submissionKey, draft, now);
        if (inserted.isEmpty()) {
            return store.stored(author, submissionKey);
        }
        IdeaId idea = inserted.get();
        for (int i = 0; i < photos.size(); i++) {
            store.insertPhoto(idea, i + 1, photos.get(i));
        }
        events.publishEvent(new IdeaSubmitted(idea, author, draft.topic()));
        return idea;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SimilarIdea> similar(String text, int limit) {
        String query = DraftCheck.singleLine(text);
        if (query.length() < MIN_SIMILAR_TEXT || limit <= 0) {
            return List.of();
        }
        return store.similar(query, Math.min(limit, 20));
    }

    @Override
    @Transactional
    public void support(String token, IdeaId idea) {
        MemberId member = member(token).orElseThrow(IdeaServiceImpl::badLink);
        MemberId author = store.author(idea).orElseThrow(() -> new IdeaRefused("ideas.refused.unknownIdea"));
        if (author.equals(member)) {
            throw new IdeaRefused("ideas.refused.ownIdea");
        }
        store.support(idea, member, clock.instant());
    }

    @Override
    @Transactional
    public void withdrawSupport(String token, IdeaId idea) {
        store.withdrawSupport(idea, member(token).orElseThrow(IdeaServiceImpl::badLink));
    }

    @Override
    @Transactional(readOnly = true)
    public int supporters(IdeaId idea) {
        return store.supporters(idea);
    }

    /** A link opens the page while it is valid and its member is still one. */
    private Optional<MemberId> member(String token) {
        return links.memberOf(token).filter(m -> members.of(m).isPresent());
    }

    private static IdeaRefused badLink() {
        return new IdeaRefused("ideas.refused.link");
    }
}
