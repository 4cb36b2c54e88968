package org.clientclub.operations.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.clientclub.operations.ui.ChartSpec.Colour;
import org.clientclub.operations.ui.ChartSpec.Series;
import org.clientclub.operations.ui.ChartSpec.Type;
import org.junit.jupiter.api.Test;

/** What the chart component hands the browser: data only, as JSON text, labels as they are. */
class ClubChartTest {

    @Test
    void handsTheBrowserTheSpecAsJsonTextWithLabelsAsTheyAre() throws Exception {
        ClubChart chart = new ClubChart();
        String label = "</script><img src=x onerror=alert(1)>";

        chart.show(new ChartSpec(
                Type.LINE,
                false,
                List.of("10:00", "11:00"),
                List.of(new Series(label, Colour.RED, Arrays.asList(3L, null)))));

        JsonNode json = new ObjectMapper().readTree(chart.getElement().getAttribute("chart"));
        assertThat(json.get("type").asText()).isEqualTo("line");
        assertThat(json.get("stacked").asBoolean()).isFalse();
        assertThat(json.get("labels").toString()).isEqualTo("[\"10:00\",\"11:00\"]");
        JsonNode series = json.get("datasets").get(0);
        assertThat(series.get("label").asText()).isEqualTo(label);
        assertThat(series.get("color").asText()).isEqualTo("#c62828");
        assertThat(series.get("data").toString()).isEqualTo("[3,null]");
        assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder("type", "stacked", "labels", "datasets");
    }

    @Test
    void aSpecWithoutAValueAboveZeroIsEmpty() {
        assertThat(new ChartSpec(Type.BAR, true, List.of("a"), List.of()).isEmpty())
                .isTrue();
        assertThat(new ChartSpec(
                                Type.BAR,
                                true,
                                List.of("a", "b"),
                                List.of(new Series("s", Colour.BLUE, Arrays.asList(0L, null))))
                        .isEmpty())
                .isTrue();
        assertThat(new ChartSpec(
                                Type.BAR,
                                true,
                                List.of("a", "b"),
                                List.of(new Series("s", Colour.BLUE, List.of(0L, 1L))))
                        .isEmpty())
                .isFalse();
    }

    @Test
    void aSampledSeriesOfZerosIsMeasuredAndOnlyGapsAreNot() {
        ChartSpec zeros = new ChartSpec(
                Type.LINE, false, List.of("a", "b"), List.of(new Series("s", Colour.BLUE, Arrays.asList(0L, null))));
        ChartSpec gaps = new ChartSpec(
                Type.LINE, false, List.of("a", "b"), List.of(new Series("s", Colour.BLUE, Arrays.asList(null, null))));

        assertThat(zeros.nothingMeasured()).isFalse();
        assertThat(gaps.nothingMeasured()).isTrue();
    }
}
