package org.clientclub.operations.ui;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ClubChart} draws, and all it can be told: a type, stacked or not, the labels of the x axis and the
 * series. Everything else about the chart is fixed in the component's script. Labels are text, colours come from
 * {@link Colour}.
 */
record ChartSpec(Type type, boolean stacked, List<String> labels, List<Series> datasets) {

    ChartSpec {
        labels = List.copyOf(labels);
        datasets = List.copyOf(datasets);
    }

    enum Type {
        BAR,
        LINE;

        @JsonValue
        String json() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The palette: a colour per kind of figure, not per chart. */
    enum Colour {
        GREEN("#2e7d32"),
        BLUE("#1565c0"),
        AMBER("#f9a825"),
        RED("#c62828"),
        GREY("#78909c"),
        PURPLE("#6a1b9a");

        private final String hex;

        Colour(String hex) {
            this.hex = hex;
        }

        @JsonValue
        String hex() {
            return hex;
        }
    }

    /** One series; a null value is a gap (nothing measured then), not a zero. */
    record Series(String label, Colour color, List<@Nullable Long> data) {

        Series {
            data = Collections.unmodifiableList(new ArrayList<>(data));
        }
    }

    /** Whether nothing was counted: no series, or none with a value above zero (for charts of counts). */
    boolean isEmpty() {
        return datasets.stream().flatMap(s -> s.data().stream()).allMatch(v -> v == null || v == 0);
    }

    /** Whether nothing was measured: every value a gap (for charts of samples, where a zero is a measurement). */
    boolean nothingMeasured() {
        return datasets.stream().flatMap(s -> s.data().stream()).allMatch(v -> v == null);
    }
}
