package org.clientclub.ideas.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clientclub.ideas.IdeaRules;
import org.clientclub.shared.ui.UploadTexts;

/**
 * The proposal page's photo upload: at most three files, each read into memory only up to 5 MB, whatever the
 * browser claims (the limits are the server's, not only the component's). A file over the limit is recorded as
 * too large, not read further, and the service refuses it with the other reasons.
 */
final class PhotoUploads {

    private final Upload upload;
    /** File name to content, in upload order; touched under the session's lock only. */
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    PhotoUploads(Component view) {
        upload = new Upload(new Bounded());
        UploadI18N texts = UploadTexts.of(view, "ideas.upload.wrongType")
                .setAddFiles(new UploadI18N.AddFiles()
                        .setOne(view.getTranslation("ideas.upload.add"))
                        .setMany(view.getTranslation("ideas.upload.add")))
                .setDropFiles(new UploadI18N.DropFiles()
                        .setOne(view.getTranslation("ideas.upload.drop"))
                        .setMany(view.getTranslation("ideas.upload.drop")));
        texts.getError().setTooManyFiles(view.getTranslation("ideas.refused.photoCount", IdeaRules.MAX_PHOTOS));
        upload.setI18n(texts);
        upload.setMaxFiles(IdeaRules.MAX_PHOTOS);
        upload.setMaxFileSize(IdeaRules.MAX_PHOTO_BYTES);
        // A hint for the browser's file chooser only: the service judges each file by its content.
        upload.setAcceptedFileTypes("image/jpeg", "image/png", ".jpg", ".jpeg", ".png");
        upload.addFileRemovedListener(e -> files.remove(e.getFileName()));
        upload.setId("idea-photos");
    }

    Upload component() {
        return upload;
    }

    List<byte[]> photos() {
        return new ArrayList<>(files.values());
    }

    /** Reads at most one byte more than the limit, so an oversized file is known as such and never held whole. */
    private final class Bounded implements UploadHandler {
        @Override
        public void handleUploadRequest(UploadEvent event) throws IOException {
            byte[] content;
            try (InputStream in = event.getInputStream()) {
                content = in.readNBytes(IdeaRules.MAX_PHOTO_BYTES + 1);
            }
            String name = event.getFileName();
            event.getUI().access(() -> {
                if (files.size() < IdeaRules.MAX_PHOTOS + 1) {
                    files.put(name, content);
                }
            });
        }

        @Override
        public long getFileSizeMax() {
            return IdeaRules.MAX_PHOTO_BYTES + 1L;
        }

        @Override
        public long getRequestSizeMax() {
            return IdeaRules.MAX_PHOTO_BYTES + 64L * 1024;
        }

        @Override
        public long getFileCountMax() {
            return 1;
        }
    }
}
