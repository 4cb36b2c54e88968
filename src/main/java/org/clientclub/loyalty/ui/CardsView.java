package org.clientclub.loyalty.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.clientclub.loyalty.CardDetails;
import org.clientclub.loyalty.CardLinkState;
import org.clientclub.loyalty.CardService;
import org.clientclub.loyalty.CardStatus;
import org.clientclub.loyalty.InsufficientPoints;
import org.clientclub.loyalty.LedgerEntryView;
import org.clientclub.loyalty.PointsService;
import org.clientclub.loyalty.SourceRef;
import org.clientclub.security.AppRoles;
import org.clientclub.shared.ClubTime;
import org.clientclub.shared.Postcode;

/** The counter: find a member's card, see the balance and history, redeem points, block or reissue the card. */
@Route("cards")
@Menu(order = 30, title = "cards.title")
@RolesAllowed({AppRoles.CLUB_STAFF, AppRoles.CLUB_MANAGER, AppRoles.ADMIN})
public class CardsView extends VerticalLayout implements HasDynamicTitle {

    private final transient CardService cardService;
    private final transient PointsService pointsService;
    private final TextField query = new TextField();
    private final VerticalLayout result = new VerticalLayout();
    private static final String LAST_OFFICE = CardsView.class.getName() + ".office";

    /** One redemption form submission, one ledger entry, however often the button is pressed. */
    private UUID redemption = UUID.randomUUID();

    public CardsView(CardService cardService, PointsService pointsService) {
        this.cardService = cardService;
        this.pointsService = pointsService;
        setMaxWidth("1000px");
        add(new H2(getTranslation("cards.title")));
        query.setPlaceholder(getTranslation("cards.search"));
        query.setWidth("24em");
        query.setMaxLength(254);
        query.setId("cards-query");
        Button find = new Button(getTranslation("cards.find"), e -> show());
        find.setId("cards-find");
        find.addClickShortcut(com.vaadin.flow.component.Key.ENTER);
        HorizontalLayout search = new HorizontalLayout(query, find);
        search.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        result.setPadding(false);
        result.add(new Paragraph(getTranslation("cards.hint")));
        add(search, result);
    }

    private void show() {
        result.removeAll();
        List<CardDetails> found = cardService.findCards(query.getValue());
        if (found.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("cards.notFound"));
            none.setId("cards-not-found");
            result.add(none);
        } else if (found.size() == 1) {
            show(found.get(0));
        } else {
            choose(found);
        }
    }

    /** Several members of that name: staff pick the one in front of them. */
    private void choose(List<CardDetails> cards) {
        Paragraph several = new Paragraph(getTranslation(
                cards.size() >= CardService.NAME_MATCHES ? "cards.several.more" : "cards.several", cards.size()));
        several.setId("cards-several");
        result.add(several);
        for (CardDetails card : cards) {
            Button pick = new Button(
                    card.memberName() + " (" + card.memberNumber() + ") · " + card.email() + " · " + card.cardNumber(),
                    e -> {
                        // The card number finds the same card again after a redemption or a reissue.
                        query.setValue(card.cardNumber());
                        show();
                    });
            pick.setId("cards-pick-" + card.memberId());
            pick.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            result.add(pick);
        }
    }

    private void show(CardDetails card) {
        FormLayout facts = new FormLayout();
        facts.addFormItem(new Span(card.cardNumber()), getTranslation("cards.number"));
        facts.addFormItem(new Span(getTranslation("cards.status." + card.status())), getTranslation("cards.status"));
        facts.addFormItem(
                new Span(card.memberName() + " (" + card.memberNumber() + ")"), getTranslation("cards.member"));
        facts.addFormItem(new Span(card.email()), getTranslation("members.email"));
        Span balance = new Span(String.valueOf(card.balance()));
        balance.setId("cards-balance");
        facts.addFormItem(balance, getTranslation("cards.balance"));
        CardLinkState linkState = cardService.cardLink(card.memberId());
        Span link = new Span(linkState(linkState));
        link.setId("cards-link-state");
        facts.addFormItem(link, getTranslation("cards.link"));
        result.add(
                facts,
                redeemForm(card),
                adjustmentForm(card),
                cardActions(card),
                linkActions(card, linkState),
                new H3(getTranslation("cards.history")),
                history(card));
    }

    private HorizontalLayout redeemForm(CardDetails card) {
        IntegerField points = new IntegerField(getTranslation("cards.redeem.points"));
        points.setMin(1);
        points.setId("cards-redeem-points");
        TextField office = new TextField(getTranslation("cards.redeem.office"));
        office.setMaxLength(6);
        office.setWidth("11em");
        office.setAllowedCharPattern("[0-9]");
        office.setId("cards-redeem-office");
        // Staff work at one counter: the office they named last in this session is filled in.
        String lastOffice = (String) VaadinSession.getCurrent().getAttribute(LAST_OFFICE);
        office.setValue(lastOffice == null ? "" : lastOffice);
        TextField reason = new TextField(getTranslation("cards.redeem.reason"));
        reason.setMaxLength(500);
        reason.setId("cards-redeem-reason");
        Button redeem = new Button(getTranslation("cards.redeem"), e -> {
            boolean noPoints = points.getValue() == null || points.getValue() <= 0;
            boolean noOffice = !Postcode.isValid(office.getValue());
            points.setInvalid(noPoints);
            office.setInvalid(noOffice);
            office.setErrorMessage(getTranslation("validation.postcode"));
            reason.setInvalid(reason.getValue().isBlank());
            reason.setErrorMessage(getTranslation("validation.required"));
            if (noPoints || noOffice || reason.getValue().isBlank()) {
                return;
            }
            try {
                pointsService.redeem(
                        card.memberId(),
                        points.getValue(),
                        office.getValue(),
                        SourceRef.redemption(redemption),
                        reason.getValue());
                VaadinSession.getCurrent().setAttribute(LAST_OFFICE, office.getValue());
                redemption = UUID.randomUUID();
                Notification.show(getTranslation("cards.redeemed", points.getValue()))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                show();
            } catch (InsufficientPoints ex) {
                points.setInvalid(true);
                points.setErrorMessage(getTranslation("cards.redeem.insufficient", ex.balance()));
            }
        });
        redeem.setId("cards-redeem");
        redeem.setEnabled(card.status() == CardStatus.ACTIVE);
        HorizontalLayout form = new HorizontalLayout(points, office, reason, redeem);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return form;
    }

    /** A manual change in either direction; a manager other than the requester approves it in the inbox. */
    private HorizontalLayout adjustmentForm(CardDetails card) {
        IntegerField points = new IntegerField(getTranslation("cards.adjust.points"));
        points.setId("cards-adjust-points");
        points.setWidth("16em");
        TextField reason = new TextField(getTranslation("cards.adjust.reason"));
        reason.setMaxLength(500);
        reason.setId("cards-adjust-reason");
        Button request = new Button(getTranslation("cards.adjust"), e -> {
            boolean noPoints = points.getValue() == null || points.getValue() == 0;
            points.setInvalid(noPoints);
            reason.setInvalid(reason.getValue().isBlank());
            reason.setErrorMessage(getTranslation("validation.required"));
            if (noPoints || reason.getValue().isBlank()) {
                return;
            }
            pointsService.requestAdjustment(card.memberId(), points.getValue(), reason.getValue());
            points.clear();
            reason.clear();
            Notification.show(getTranslation("cards.adjust.requested"))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        });
        request.setId("cards-adjust");
        HorizontalLayout form = new HorizontalLayout(points, reason, request);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private HorizontalLayout cardActions(CardDetails card) {
        Button block = new Button(getTranslation("cards.block"), e -> {
            cardService.blockCard(card.memberId());
            show();
        });
        block.setId("cards-block");
        block.setEnabled(card.status() == CardStatus.ACTIVE);
        block.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button reissue = new Button(getTranslation("cards.reissue"), e -> {
            String number = cardService.reissueCard(card.memberId()).value();
            query.setValue(number);
            Notification.show(getTranslation("cards.reissued", number))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            show();
        });
        reissue.setId("cards-reissue");
        return new HorizontalLayout(block, reissue);
    }

    private String linkState(CardLinkState state) {
        String key = "cards.link.status." + state.status();
        return state.expiresAt() == null
                ? getTranslation(key)
                : getTranslation(key, ClubTime.dateTime(getLocale()).format(state.expiresAt()));
    }

    /** A member's card link in a forwarded or leaked e-mail: staff revoke it, and send the member a new one. */
    private HorizontalLayout linkActions(CardDetails card, CardLinkState state) {
        Button revoke = new Button(getTranslation("cards.link.revoke"), e -> {
            cardService.revokeCardLink(card.memberId());
            Notification.show(getTranslation("cards.link.revoked")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            show();
        });
        revoke.setId("cards-link-revoke");
        revoke.setEnabled(state.status() == CardLinkState.Status.ACTIVE);
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button renew = new Button(getTranslation("cards.link.renew"), e -> {
            cardService.renewCardLink(card.memberId());
            Notification.show(getTranslation("cards.link.renewed", card.email()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            show();
        });
        renew.setId("cards-link-renew");
        // One press, one new link and one e-mail.
        renew.setDisableOnClick(true);
        return new HorizontalLayout(revoke, renew);
    }

    private Grid<LedgerEntryView> history(CardDetails card) {
        DateTimeFormatter time = ClubTime.dateTime(getLocale());
        Grid<LedgerEntryView> grid = new Grid<>();
        // The reason takes the room left, wrapped where it is long; the other columns are as wide as their contents.
        grid.addColumn(e -> time.format(e.occurredAt()))
                .setHeader(getTranslation("cards.history.when"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> getTranslation("cards.kind." + e.kind()))
                .setHeader(getTranslation("cards.history.kind"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(LedgerEntryView::points)
                .setHeader(getTranslation("cards.history.points"))
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(e -> getTranslation(
                        e.readableReason().key(), e.readableReason().argumentArray()))
                .setHeader(getTranslation("cards.history.reason"))
                .setFlexGrow(1);
        grid.setItems(pointsService.history(card.memberId(), 20));
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("cards.history.empty"));
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        return grid;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cards.title");
    }
}
