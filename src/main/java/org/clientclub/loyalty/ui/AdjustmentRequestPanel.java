package org.clientclub.loyalty.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.clientclub.loyalty.AdjustmentRequest;
import org.clientclub.loyalty.CardDetails;
import org.clientclub.loyalty.PointsService;
import org.clientclub.loyalty.process.PointsAdjustmentProcess;
import org.clientclub.tasks.spi.TaskPanelProvider;
import org.clientclub.tasks.spi.TaskRef;

/**
 * On "Approve points adjustment": whose points, the change asked for and the balance it leaves, why and who asked,
 * so the approver judges the request itself rather than a bare yes or no.
 */
@org.springframework.stereotype.Component
class AdjustmentRequestPanel implements TaskPanelProvider {

    private final PointsService points;

    AdjustmentRequestPanel(PointsService points) {
        this.points = points;
    }

    @Override
    public boolean supports(TaskRef task) {
        return PointsAdjustmentProcess.TASK_APPROVE_ADJUSTMENT.equals(task.taskDefinitionKey());
    }

    @Override
    public Component createPanel(TaskRef task) {
        FormLayout panel = new FormLayout();
        panel.setId("adjustment-request");
        AdjustmentRequest request = points.adjustmentRequest(task.businessKey()).orElse(null);
        if (request == null) {
            panel.add(new Paragraph(panel.getTranslation("adjustment.notFound")));
            return panel;
        }
        CardDetails card = request.card();
        panel.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        panel.addFormItem(
                new Span(card.memberName() + " (" + card.memberNumber() + ") · " + card.email()),
                panel.getTranslation("cards.member"));
        panel.addFormItem(
                new Span(card.cardNumber() + " · " + panel.getTranslation("cards.status." + card.status())),
                panel.getTranslation("cards.number"));
        panel.addFormItem(
                value("adjustment-points", (request.points() > 0 ? "+" : "") + request.points()),
                panel.getTranslation("adjustment.points"));
        Span after = value(
                "adjustment-balance",
                panel.getTranslation("adjustment.balanceChange", card.balance(), request.balanceAfter()));
        if (request.balanceAfter() < 0) {
            after.setText(after.getText() + " — " + panel.getTranslation("adjustment.insufficient"));
            after.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        panel.addFormItem(after, panel.getTranslation("cards.balance"));
        panel.addFormItem(value("adjustment-reason", request.reason()), panel.getTranslation("cards.adjust.reason"));
        panel.addFormItem(new Span(request.requestedBy()), panel.getTranslation("adjustment.requestedBy"));
        return panel;
    }

    private static Span value(String id, String text) {
        Span span = new Span(text);
        span.setId(id);
        return span;
    }
}
