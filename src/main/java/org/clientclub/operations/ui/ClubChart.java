package org.clientclub.operations.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import org.jspecify.annotations.Nullable;

/**
 * A chart drawn in the browser by Chart.js (MIT licence) on a canvas. The server hands it a {@link ChartSpec} as JSON
 * text in the attribute {@code chart}; {@code frontend/components/club-chart.js} reads only the spec's fields and fixes
 * the rest of the configuration, so no data becomes code. Chart.js is an npm package: Vaadin puts it into the frontend
 * bundle that {@code src/main/bundles} holds (decision 0033).
 */
@Tag("club-chart")
@NpmPackage(value = "chart.js", version = "4.5.1")
@JsModule("./components/club-chart.js")
class ClubChart extends Component implements HasSize {

    private static final ObjectMapper JSON = new ObjectMapper();

    private @Nullable ChartSpec spec;

    ClubChart() {
        setWidthFull();
        setHeight("260px");
    }

    void show(ChartSpec spec) {
        this.spec = spec;
        try {
            getElement().setAttribute("chart", JSON.writeValueAsString(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A chart's data could not be written as JSON", e);
        }
    }

    /** What the chart shows now, or null before the first {@link #show}. */
    @Nullable
    ChartSpec spec() {
        return spec;
    }
}
