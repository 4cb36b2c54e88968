package org.clientclub.membership.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.clientclub.mail.InboundAttachment;
import org.clientclub.membership.MailQuestionnaires;
import org.clientclub.membership.MembershipService;
import org.clientclub.membership.QuestionnaireRejected;
import org.clientclub.membership.process.QuestionnaireIntakeProcess;
import org.clientclub.shared.Language;
import org.clientclub.tasks.spi.TaskFormProvider;
import org.clientclub.tasks.spi.TaskRef;

/**
 * The "Transcribe questionnaire" task: the mailed PDF or photo on the left, the questionnaire's own fields on the
 * right. Typing it in starts onboarding; staff may instead answer the sender what is wrong.
 */
@org.springframework.stereotype.Component
class TranscriptionForm implements TaskFormProvider {

    /** Shown in the page; anything else (SVG can carry script) is only offered for download. */
    private static final Set<String> SAFE_IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private final MailQuestionnaires questionnaires;
    private final MembershipService membership;

    TranscriptionForm(MailQuestionnaires questionnaires, MembershipService membership) {
        this.questionnaires = questionnaires;
        this.membership = membership;
    }

    @Override
    public boolean supports(TaskRef task) {
        return QuestionnaireIntakeProcess.TASK_TRANSCRIBE_QUESTIONNAIRE.equals(task.taskDefinitionKey());
    }

    @Override
    public Component createForm(TaskRef task, Consumer<Map<String, Object>> complete) {
        VerticalLayout layout = new VerticalLayout();
        layout.setPadding(false);
        layout.setWidthFull();
        var found = questionnaires.transcriptionRequest(task.businessKey());
        if (found.isEmpty()) {
            layout.add(new Paragraph(layout.getTranslation("transcription.noAttachment")));
            return layout;
        }
        MailQuestionnaires.TranscriptionRequest request = found.get();
        layout.add(
                new H3(layout.getTranslation("transcription.title")),
                new Paragraph(
                        layout.getTranslation("transcription.from", request.sender() == null ? "—" : request.sender())),
                new Paragraph(layout.getTranslation("transcription.subject", request.subject())));
        if (request.reason() != null) {
            layout.add(new Paragraph(layout.getTranslation(
                    "transcription.reason", layout.getTranslation("intake.reason." + request.reason()))));
        }

        Language language = Language.of(VaadinSession.getCurrent().getLocale());
        QuestionnaireFields fields =
                new QuestionnaireFields(membership.today(), membership.regions(language), request.language());
        fields.birthDate().setI18n(DatePickers.i18n(layout));
        Checkbox consent = new Checkbox(layout.getTranslation("transcription.consent", request.consentVersion()));
        consent.setId("transcription-consent");
        Button save = new Button(layout.getTranslation("transcription.save"), e -> {
            try {
                questionnaires.transcribe(task.businessKey(), fields.questionnaire(), consent.getValue());
                complete.accept(QuestionnaireIntakeProcess.TRANSCRIBED.put(new HashMap<>(), true));
            } catch (QuestionnaireRejected rejected) {
                fields.showErrors(rejected.errors());
                consent.setErrorMessage(
                        rejected.errors().containsKey("consent")
                                ? layout.getTranslation(rejected.errors().get("consent"))
                                : null);
                consent.setInvalid(rejected.errors().containsKey("consent"));
                Notification.show(layout.getTranslation("transcription.errors"))
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("transcription-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Select<String> reason = new Select<>();
        reason.setId("transcription-reject-reason");
        reason.setLabel(layout.getTranslation("transcription.rejectReason"));
        reason.setItems(MailQuestionnaires.STAFF_REJECTIONS);
        reason.setItemLabelGenerator(r -> layout.getTranslation("intake.reason." + r));
        reason.setValue(MailQuestionnaires.STAFF_REJECTIONS.get(0));
        Button reject = new Button(layout.getTranslation("transcription.reject"), e -> {
            questionnaires.reject(task.businessKey(), reason.getValue());
            complete.accept(QuestionnaireIntakeProcess.TRANSCRIBED.put(new HashMap<>(), false));
        });
        reject.setId("transcription-reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        VerticalLayout right = new VerticalLayout(fields, consent, save, new HorizontalLayout(reason, reject));
        right.setPadding(false);
        right.setDefaultHorizontalComponentAlignment(FlexComponent.Alignment.START);

        SplitLayout split = new SplitLayout(viewer(layout, request), right);
        split.setWidthFull();
        split.setHeight("80vh");
        split.setSplitterPosition(50);
        layout.add(split);
        return layout;
    }

    private Component viewer(Component context, MailQuestionnaires.TranscriptionRequest request) {
        if (request.attachment().isEmpty() || request.attachment().get().data() == null) {
            return new Paragraph(context.getTranslation("transcription.noAttachment"));
        }
        InboundAttachment attachment = request.attachment().get();
        // Served with a type of our choosing, never the sender's, so a disguised page cannot run in ours.
        String type = attachment.isPdf()
                ? "application/pdf"
                : SAFE_IMAGES.contains(attachment.contentType())
                        ? attachment.contentType()
                        : "application/octet-stream";
        DownloadHandler inline = DownloadHandler.fromInputStream(event -> new DownloadResponse(
                        new ByteArrayInputStream(attachment.data()),
                        attachment.fileName(),
                        type,
                        attachment.data().length))
                .inline();
        Anchor open = new Anchor(inline, context.getTranslation("transcription.open"));
        open.setTarget("_blank");
        Div viewer = new Div(open);
        viewer.setSizeFull();
        if (attachment.isPdf()) {
            IFrame frame = new IFrame(inline);
            frame.setId("transcription-attachment");
            frame.setSizeFull();
            frame.getStyle().set("border", "none").set("min-height", "70vh");
            viewer.add(frame);
        } else if (SAFE_IMAGES.contains(attachment.contentType())) {
            Image image = new Image(inline, attachment.fileName());
            image.setId("transcription-attachment");
            image.setWidthFull();
            viewer.add(image);
        }
        return viewer;
    }
}
