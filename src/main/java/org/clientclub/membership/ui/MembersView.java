package org.clientclub.membership.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import org.clientclub.membership.MemberSummary;
import org.clientclub.membership.MembershipService;
import org.clientclub.security.AppRoles;
import org.clientclub.shared.ClubTime;

/** Club members, newest first, searchable by name, e-mail, member number and town. */
@Route("members")
@Menu(order = 20, title = "members.title")
@RolesAllowed({AppRoles.CLUB_STAFF, AppRoles.CLUB_MANAGER, AppRoles.ADMIN})
public class MembersView extends VerticalLayout implements HasDynamicTitle {

    public MembersView(MembershipService membership) {
        setSizeFull();
        add(new H2(getTranslation("members.title")));
        TextField search = new TextField();
        search.setPlaceholder(getTranslation("members.search"));
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setMaxLength(200);
        search.setWidth("24em");
        search.setId("members-search");
        add(search);

        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(getLocale())
                .withZone(ClubTime.ZONE);
        Grid<MemberSummary> grid = new Grid<>();
        grid.addColumn(MemberSummary::memberNumber)
                .setHeader(getTranslation("members.number"))
                .setAutoWidth(true);
        grid.addColumn(MemberSummary::fullName)
                .setHeader(getTranslation("members.name"))
                .setFlexGrow(2);
        grid.addColumn(MemberSummary::email)
                .setHeader(getTranslation("members.email"))
                .setFlexGrow(2);
        grid.addColumn(MemberSummary::town)
                .setHeader(getTranslation("members.town"))
                .setFlexGrow(1);
        grid.addColumn(m -> date.format(m.joinedAt()))
                .setHeader(getTranslation("members.joined"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("members.empty"));
        grid.setItems(q -> membership.searchMembers(search.getValue(), q.getOffset(), q.getLimit()).stream());
        grid.addItemClickListener(e -> getUI().ifPresent(
                        ui -> ui.navigate(MemberView.class, e.getItem().id().value())));
        grid.setSizeFull();
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        add(grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("members.title");
    }
}
