package org.clientclub.loyalty.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.clientclub.loyalty.ImportSummary;
import org.clientclub.loyalty.PurchaseImports;
import org.clientclub.security.ui.LoginView;
import org.clientclub.support.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The import screen: upload, history with counts, downloads. */
class PurchaseImportsViewTest extends KaribuTest {

    @Autowired
    PurchaseImports imports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void staffSeeAnImportWithItsCountsAndCanDownloadTheRejectedLines() {
        login("irina", "CLUB_STAFF");
        String file = PurchaseImports.HEADER + "\n2900000000000;2026-11-20 10:00;101000;100,00;GOODS;X-1\nnot a line\n";
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        long id = imports.upload("view-test.csv", bytes.length, new ByteArrayInputStream(bytes));
        await().atMost(Duration.ofSeconds(20))
                .pollInSameThread()
                .until(() -> imports.history(0, 50).stream().anyMatch(s -> s.id() == id && !s.running()));

        UI.getCurrent().navigate(PurchaseImportsView.class);
        assertThat(_find(Upload.class)).hasSize(1);
        assertThat(_get(Upload.class).getI18n().getAddFiles().getOne())
                .as("the upload speaks Russian")
                .isEqualTo("Выбрать файл…");
        @SuppressWarnings("unchecked")
        Grid<ImportSummary> grid = _get(Grid.class);
        int row = rowOf(id);
        ImportSummary shown = _get(grid, row);
        assertThat(shown.id()).isEqualTo(id);
        assertThat(shown.linesRejected()).isEqualTo(2);
        // In the club's Moscow time, whatever zone the server runs in (UTC on the build machines).
        String uploaded = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag("ru"))
                .withZone(ZoneId.of("Europe/Moscow"))
                .format(shown.uploadedAt());
        Div fileCell = (Div) _getCellComponent(grid, row, "file");
        Anchor original = (Anchor) fileCell.getChildren().findFirst().orElseThrow();
        assertThat(original.getText()).as("the file's name downloads it").isEqualTo("view-test.csv");
        assertThat(original.getTitle()).contains("Скачать исходный файл «view-test.csv»");
        assertThat(original.getHref()).isNotBlank();
        assertThat(fileCell.getChildren().skip(1).map(c -> ((Div) c).getText()))
                .as("when and by whom")
                .containsExactly(uploaded + ", irina");
        Anchor errors = (Anchor) _getCellComponent(grid, row, "rejected");
        assertThat(errors.getText())
                .as("the count of rejected lines downloads them")
                .isEqualTo("2");
        assertThat(errors.getTitle()).contains("Скачать отклонённые строки с причинами (CSV)");
        assertThat(errors.getHref()).isNotBlank();
    }

    @Test
    void aRunningImportShowsHowFarItHasGot() {
        login("irina", "CLUB_STAFF");
        long id = jdbc.sql("""
                        INSERT INTO loyalty_import (file_name, file_size, uploaded_by, uploaded_at, status, lines_done,
                                                    lines_expected, heartbeat_at)
                        VALUES ('big.csv', 68000000, 'irina', now(), 'RUNNING', 250000, 1000000, now()) RETURNING id""").query(Long.class).single();
        try {
            UI.getCurrent().navigate(PurchaseImportsView.class);
            @SuppressWarnings("unchecked")
            Grid<ImportSummary> grid = _get(Grid.class);
            Div state = (Div) _getCellComponent(grid, rowOf(id), "state");
            ProgressBar bar = (ProgressBar) state.getChildren().findFirst().orElseThrow();
            assertThat(bar.isIndeterminate()).isFalse();
            assertThat(bar.getValue()).isEqualTo(0.25);
            assertThat(state.getChildren().skip(1).map(c -> ((Span) c).getText()))
                    .containsExactly("строк: 250\u00a0000 из ~1\u00a0000\u00a0000");
        } finally {
            jdbc.sql("DELETE FROM loyalty_import WHERE id = :id")
                    .param("id", id)
                    .update();
        }
    }

    /** The import's row in the history, newest first as the grid shows it. */
    private int rowOf(long id) {
        List<ImportSummary> page = imports.history(0, 50);
        return IntStream.range(0, page.size())
                .filter(i -> page.get(i).id() == id)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anonymousVisitorsCannotImport() {
        UI.getCurrent().navigate("purchase-imports");
        assertThat(_find(LoginView.class)).hasSize(1);
    }
}
