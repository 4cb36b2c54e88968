package org.clientclub.ideas.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.UUID;
import org.clientclub.ideas.IdeaDraft;
import org.clientclub.ideas.IdeaId;
import org.clientclub.ideas.IdeaRefused;
import org.clientclub.ideas.IdeaRules;
import org.clientclub.ideas.IdeaService;
import org.clientclub.ideas.IdeaTopic;
import org.clientclub.ideas.SimilarIdea;
import org.clientclub.shared.ui.LanguageSwitch;

/**
 * A member proposes an idea, from the personal link in a club e-mail. While the title is typed the page lists
 * similar ideas, each of which the member may support instead. The token is the member's only credential: a link
 * that does not open the page gets one message that names nobody.
 */
@Route(value = "ideas/new", autoLayout = false)
@AnonymousAllowed
public class IdeaProposalView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    private static final int SIMILAR_SHOWN = 5;

    private final transient IdeaService ideas;
    /** One per opened page: sending the form twice stores one idea. */
    private final String submissionKey = UUID.randomUUID().toString();

    private final TextField title = new TextField();
    private final TextArea description = new TextArea();
    private final Select<IdeaTopic> topic = new Select<>();
    private final TextField postcode = new TextField();
    private final PhotoUploads photos = new PhotoUploads(this);
    private final Div similar = new Div();
    private final Div errors = new Div();
    private String token = "";

    public IdeaProposalView(IdeaService ideas) {
        this.ideas = ideas;
        setMaxWidth("760px");
        getStyle().set("margin", "0 auto");
        setPadding(true);
    }

    @Override
    public void setParameter(BeforeEvent event, String parameter) {
        token = parameter;
        removeAll();
        HorizontalLayout top = new HorizontalLayout(new H1(getTranslation("ideas.page.title")), new LanguageSwitch());
        top.setWidthFull();
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        top.setAlignItems(FlexComponent.Alignment.CENTER);
        add(top);
        if (!ideas.opens(token)) {
            Paragraph refused = new Paragraph(getTranslation("ideas.refused.link"));
            refused.setId("idea-link-refused");
            add(refused);
            return;
        }
        add(new Paragraph(getTranslation("ideas.page.intro")));
        buildForm();
    }

    private void buildForm() {
        title.setLabel(getTranslation("ideas.field.title"));
        title.setMaxLength(IdeaRules.MAX_TITLE);
        title.setWidthFull();
        title.setValueChangeMode(ValueChangeMode.LAZY);
        title.addValueChangeListener(e -> showSimilar(e.getValue()));
        title.setId("idea-title");

        similar.setId("idea-similar");
        similar.setWidthFull();

        description.setLabel(getTranslation("ideas.field.description"));
        description.setMaxLength(IdeaRules.MAX_DESCRIPTION);
        description.setWidthFull();
        description.setMinHeight("10em");
        description.setValueChangeMode(ValueChangeMode.LAZY);
        description.setHelperText(getTranslation("ideas.field.description.helper", IdeaRules.MAX_DESCRIPTION));
        description.setId("idea-description");

        topic.setLabel(getTranslation("ideas.field.topic"));
        topic.setItems(IdeaTopic.values());
        topic.setItemLabelGenerator(t -> getTranslation(t.messageKey()));
        topic.setValue(IdeaTopic.POST_OFFICE_SERVICE);
        topic.setId("idea-topic");
        topic.setWidth("22em");

        postcode.setLabel(getTranslation("ideas.field.postcode"));
        postcode.setHelperText(getTranslation("ideas.field.postcode.helper"));
        postcode.setMaxLength(6);
        postcode.setAllowedCharPattern("[0-9]");
        postcode.setId("idea-postcode");

        errors.setId("idea-errors");
        errors.getStyle().set("color", "var(--lumo-error-text-color)");

        Button submit = new Button(getTranslation("ideas.submit"), e -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("idea-submit");
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> submit.setEnabled(true));

        add(
                title,
                similar,
                description,
                new HorizontalLayout(topic, postcode),
                new Paragraph(getTranslation("ideas.field.photos", IdeaRules.MAX_PHOTOS)),
                photos.component(),
                errors,
                submit);
    }

    private void showSimilar(String typed) {
        similar.removeAll();
        List<SimilarIdea> found = ideas.similar(typed, SIMILAR_SHOWN);
        if (found.isEmpty()) {
            return;
        }
        similar.add(new H2(getTranslation("ideas.similar.heading")));
        for (SimilarIdea idea : found) {
            // Text nodes only: a title is whatever a member typed.
            Span name = new Span(idea.title());
            Span supporters = new Span(getTranslation("ideas.similar.supporters", idea.supporters()));
            supporters.getStyle().set("color", "var(--lumo-secondary-text-color)");
            Button support = new Button(getTranslation("ideas.similar.support"));
            support.addClickListener(e -> support(idea.id(), support));
            support.addThemeVariants(ButtonVariant.LUMO_SMALL);
            HorizontalLayout row = new HorizontalLayout(name, supporters, support);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            row.addClassName("idea-similar-row");
            similar.add(row);
        }
    }

    private void support(IdeaId idea, Button button) {
        try {
            ideas.support(token, idea);
            button.setEnabled(false);
            button.setText(getTranslation("ideas.similar.supported"));
        } catch (IdeaRefused refused) {
            showRefused(refused);
        }
    }

    private void submit() {
        IdeaDraft draft = new IdeaDraft(
                title.getValue(),
                description.getValue(),
                topic.getValue() == null ? IdeaTopic.OTHER : topic.getValue(),
                postcode.getValue(),
                photos.photos());
        try {
            IdeaId idea = ideas.submit(token, submissionKey, draft);
            showThanks(idea);
        } catch (IdeaRefused refused) {
            showRefused(refused);
        }
    }

    private void showRefused(IdeaRefused refused) {
        errors.removeAll();
        for (IdeaRefused.Reason reason : refused.reasons()) {
            errors.add(new Paragraph(getTranslation(reason.key(), reason.arguments())));
        }
        Notification.show(getTranslation("ideas.errors")).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void showThanks(IdeaId idea) {
        removeAll();
        add(new H1(getTranslation("ideas.thanks.title")));
        Paragraph text = new Paragraph(getTranslation("ideas.thanks.text", idea.toString()));
        text.setId("idea-thanks");
        add(text);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ideas.page.title");
    }
}
