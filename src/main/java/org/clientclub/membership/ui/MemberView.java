package org.clientclub.membership.ui;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import org.clientclub.membership.ApplicationView;
import org.clientclub.membership.MemberDetails;
import org.clientclub.membership.MemberId;
import org.clientclub.membership.MembershipService;
import org.clientclub.security.AppRoles;
import org.clientclub.shared.ClubTime;
import org.clientclub.shared.Language;
import org.clientclub.workflow.ProcessHistory;

/** A member's page: the questionnaires they submitted, as submitted, and what the processes did with them. */
@Route("members")
@RolesAllowed({AppRoles.CLUB_STAFF, AppRoles.CLUB_MANAGER, AppRoles.ADMIN})
public class MemberView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final transient MembershipService membership;
    private final transient ProcessHistory history;
    private String title = "";

    public MemberView(MembershipService membership, ProcessHistory history) {
        this.membership = membership;
        this.history = history;
        setMaxWidth("1100px");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        removeAll();
        Optional<MemberDetails> found =
                id == null || id <= 0 ? Optional.empty() : membership.member(MemberId.of(id), Language.of(getLocale()));
        if (found.isEmpty()) {
            title = getTranslation("member.notFound");
            add(new H2(title), new RouterLink(getTranslation("members.back"), MembersView.class));
            return;
        }
        MemberDetails member = found.get();
        title = member.fullName();
        add(new RouterLink(getTranslation("members.back"), MembersView.class));
        add(new H2(member.fullName()));
        add(new Paragraph(getTranslation(
                "member.summary",
                member.memberNumber(),
                member.email(),
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(getLocale())
                        .withZone(ClubTime.ZONE)
                        .format(member.joinedAt()))));
        for (ApplicationView application : member.applications()) {
            add(new H3(getTranslation("member.application", application.businessKey())));
            add(new ApplicationPanel(application));
            Details processes = new Details(getTranslation("member.history"), historyOf(application));
            processes.setOpened(true);
            processes.setWidthFull();
            add(processes);
        }
    }

    private VerticalLayout historyOf(ApplicationView application) {
        DateTimeFormatter time = ClubTime.dateTime(getLocale());
        VerticalLayout layout = new VerticalLayout();
        layout.setPadding(false);
        layout.setWidthFull();
        List<ProcessHistory.Instance> instances = history.forBusinessKeys(List.of(application.businessKey()));
        if (instances.isEmpty()) {
            layout.add(new Paragraph(getTranslation("member.history.empty")));
        }
        for (ProcessHistory.Instance instance : instances) {
            layout.add(new Paragraph(
                    instance.processName() + " — " + getTranslation("process.state." + instance.state())));
            Grid<ProcessHistory.Step> steps = new Grid<>();
            steps.addColumn(ProcessHistory.Step::activityName)
                    .setHeader(getTranslation("member.history.step"))
                    .setFlexGrow(2);
            steps.addColumn(s -> s.started() == null ? "" : time.format(s.started()))
                    .setHeader(getTranslation("member.history.started"))
                    .setAutoWidth(true);
            steps.addColumn(s -> s.ended() == null ? getTranslation("member.history.running") : time.format(s.ended()))
                    .setHeader(getTranslation("member.history.ended"))
                    .setAutoWidth(true);
            steps.addColumn(s -> s.assignee() == null ? "" : s.assignee())
                    .setHeader(getTranslation("inbox.column.assignee"))
                    .setAutoWidth(true);
            steps.setItems(instance.steps());
            steps.setAllRowsVisible(true);
            steps.setWidthFull();
            steps.addThemeVariants(GridVariant.LUMO_COMPACT);
            layout.add(steps);
        }
        return layout;
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
