package org.clientclub.loyalty.internal.imports;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Purchase import throughput on this node: the counter {@code clientclub.loyalty.import.lines} with the tag
 * {@code result} ({@code booked}, {@code duplicate}, {@code rejected}), counted as each batch commits. Its rate is
 * the lines per second (Prometheus: {@code rate(clientclub_loyalty_import_lines_total[5m])}, summed over nodes).
 */
@Component
class ImportMeters {

    private final Counter booked;
    private final Counter duplicate;
    private final Counter rejected;

    ImportMeters(MeterRegistry registry) {
        booked = counter(registry, "booked");
        duplicate = counter(registry, "duplicate");
        rejected = counter(registry, "rejected");
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("clientclub.loyalty.import.lines")
                .description("Lines of purchase imports committed, by result")
                .tag("result", result)
                .register(registry);
    }

    /** A batch committed with these counts. */
    void committed(long bookedLines, long duplicateLines, long rejectedLines) {
        booked.increment(bookedLines);
        duplicate.increment(duplicateLines);
        rejected.increment(rejectedLines);
    }
}
