package org.clientclub.membership.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;
import org.clientclub.membership.ApplicationView;
import org.clientclub.membership.MembershipService;
import org.clientclub.membership.process.MembershipOnboardingProcess;
import org.clientclub.shared.Language;
import org.clientclub.tasks.spi.TaskPanelProvider;
import org.clientclub.tasks.spi.TaskRef;

/** On "Review possible duplicate": the new questionnaire, and a link to the member the address belongs to. */
@org.springframework.stereotype.Component
class DuplicateReviewPanel implements TaskPanelProvider {

    private final MembershipService membership;

    DuplicateReviewPanel(MembershipService membership) {
        this.membership = membership;
    }

    @Override
    public boolean supports(TaskRef task) {
        return MembershipOnboardingProcess.TASK_REVIEW_POSSIBLE_DUPLICATE.equals(task.taskDefinitionKey());
    }

    @Override
    public Component createPanel(TaskRef task) {
        VerticalLayout panel = new VerticalLayout();
        panel.setPadding(false);
        Language language = Language.of(VaadinSession.getCurrent().getLocale());
        ApplicationView application = membership
                .applicationByBusinessKey(task.businessKey(), language)
                .orElse(null);
        if (application == null) {
            panel.add(new Paragraph(panel.getTranslation("duplicate.noApplication")));
            return panel;
        }
        panel.add(new H3(panel.getTranslation("duplicate.newQuestionnaire")), new ApplicationPanel(application));
        Optional.ofNullable(application.memberId())
                .flatMap(id -> membership.member(id, language))
                .ifPresent(member -> {
                    panel.add(new H3(panel.getTranslation("duplicate.existingMember")));
                    panel.add(new Paragraph(panel.getTranslation(
                            "member.summaryShort", member.memberNumber(), member.fullName(), member.email())));
                    panel.add(new RouterLink(
                            panel.getTranslation("duplicate.openMember"),
                            MemberView.class,
                            member.id().value()));
                });
        return panel;
    }
}
