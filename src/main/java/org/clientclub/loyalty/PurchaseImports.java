package org.clientclub.loyalty;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.clientclub.loyalty.internal.imports.ImportFiles;
import org.clientclub.loyalty.internal.imports.ImportHistory;
import org.clientclub.loyalty.internal.imports.ImportJobs;
import org.clientclub.loyalty.internal.imports.PurchaseLine;
import org.clientclub.security.AppRoles;
import org.clientclub.security.CurrentStaff;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Purchase files from the post offices' tills: upload, booking in the background, history with counts, the
 * rejected lines as a file, and the original kept for staff. An import a crashed node left behind is picked up
 * again by any node.
 */
@Service
public class PurchaseImports {

    /** The header row a till export starts with (the Russian column names work too). */
    public static final String HEADER = PurchaseLine.HEADER;

    private final ImportFiles files;
    private final ImportJobs jobs;
    private final ImportHistory history;
    private final TaskExecutor executor;

    public PurchaseImports(
            ImportFiles files,
            ImportJobs jobs,
            ImportHistory history,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.files = files;
        this.jobs = jobs;
        this.history = history;
        this.executor = executor;
    }

    /**
     * Keeps the file and books it in the background, starting while the file is still being kept.
     *
     * @param size the file's size in bytes, for the progress; 0 when not known
     * @return the import's id
     */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    public long upload(String fileName, long size, InputStream content) {
        long id = files.begin(fileName, size, CurrentStaff.require().username());
        executor.execute(() -> jobs.run(id));
        files.receive(id, content);
        return id;
    }

    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    public List<ImportSummary> history(int offset, int limit) {
        return history.newest(offset, limit);
    }

    /** The rejected lines as CSV: line number, reason, the line as it was. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    public void writeErrors(long importId, OutputStream out) {
        history.writeErrors(importId, out);
    }

    /** The file as it was uploaded. */
    @PreAuthorize(AppRoles.STAFF_EXPRESSION)
    public void writeOriginal(long importId, OutputStream out) {
        try (InputStream original = files.original(importId)) {
            original.transferTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Carries on with imports whose node stopped (no heartbeat for two minutes) or that never started. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void resumeAbandoned() {
        jobs.abandoned().forEach(id -> executor.execute(() -> jobs.run(id)));
    }
}
