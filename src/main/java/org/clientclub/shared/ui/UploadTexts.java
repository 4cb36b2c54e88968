package org.clientclub.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.UploadI18N;

/** An upload's own texts in the user's language (the component merges them with its English defaults). */
public final class UploadTexts {

    private UploadTexts() {}

    /** @param wrongTypeKey the message saying which files the upload takes */
    public static UploadI18N of(Component view, String wrongTypeKey) {
        return new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(view.getTranslation("upload.add")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(view.getTranslation("upload.drop")))
                .setError(new UploadI18N.Error()
                        .setTooManyFiles(view.getTranslation("upload.tooManyFiles"))
                        .setFileIsTooBig(view.getTranslation("upload.tooBig"))
                        .setIncorrectFileType(view.getTranslation(wrongTypeKey)))
                .setUploading(new UploadI18N.Uploading()
                        .setStatus(new UploadI18N.Uploading.Status()
                                .setConnecting(view.getTranslation("upload.connecting"))
                                .setStalled(view.getTranslation("upload.stalled"))
                                .setProcessing(view.getTranslation("upload.processing"))
                                .setHeld(view.getTranslation("upload.held")))
                        .setError(new UploadI18N.Uploading.Error()
                                .setServerUnavailable(view.getTranslation("upload.serverUnavailable"))
                                .setUnexpectedServerError(view.getTranslation("upload.serverError"))
                                .setForbidden(view.getTranslation("upload.forbidden"))))
                .setFile(new UploadI18N.File()
                        .setRetry(view.getTranslation("upload.retry"))
                        .setStart(view.getTranslation("upload.start"))
                        .setRemove(view.getTranslation("upload.remove")));
    }
}
