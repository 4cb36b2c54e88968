package org.clientclub.loyalty.internal.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** An upload handed to its import part by part while it arrives. */
class ArrivalTest {

    private final Arrival arrival = new Arrival();

    @Test
    void partsKeptBeforeTheReaderStartedAreReadFromTheDatabaseTheOthersFromTheUpload() throws Exception {
        arrival.kept(0, new byte[] {0});
        assertThat(arrival.part(0)).isSameAs(Arrival.IN_DATABASE);

        arrival.kept(1, new byte[] {1});
        arrival.complete();

        assertThat(arrival.part(1)).containsExactly(1);
        assertThat(arrival.part(2)).as("after the last part").isNull();
    }

    @Test
    void theReaderWaitsForThePartToCome() throws Exception {
        arrival.kept(0, new byte[] {0});
        arrival.part(0);
        CompletableFuture<byte[]> next = CompletableFuture.supplyAsync(() -> part(1));
        assertThatThrownBy(() -> next.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

        arrival.kept(1, new byte[] {1});

        assertThat(next.get(5, TimeUnit.SECONDS)).containsExactly(1);
    }

    @Test
    void theUploadWaitsWhileEightPartsWaitForTheReaderAndGoesOnWhenItStops() throws Exception {
        arrival.kept(0, new byte[] {0});
        arrival.part(0); // the reader has started
        for (int partNo = 1; partNo <= Arrival.WAITING_PARTS; partNo++) {
            arrival.kept(partNo, new byte[] {(byte) partNo});
        }
        CompletableFuture<Void> ninth = CompletableFuture.runAsync(() -> kept(9));
        assertThatThrownBy(() -> ninth.get(200, TimeUnit.MILLISECONDS)).isInstanceOf(TimeoutException.class);

        assertThat(arrival.part(1)).containsExactly(1);
        ninth.get(5, TimeUnit.SECONDS);

        // A reader that stops (a wrong header, a failed batch) holds up nothing after it.
        CompletableFuture<Void> more = CompletableFuture.runAsync(() -> {
            for (int partNo = 10; partNo < 30; partNo++) {
                kept(partNo);
            }
        });
        arrival.stopReading();
        more.get(5, TimeUnit.SECONDS);
    }

    @Test
    void anUploadThatBrokeOffFailsTheReaderAtThePartThatDidNotCome() throws Exception {
        arrival.kept(0, new byte[] {0});
        arrival.brokeOff();

        assertThat(arrival.part(0)).isSameAs(Arrival.IN_DATABASE);
        assertThatThrownBy(() -> arrival.part(1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("import.error.uploadBrokeOff");
    }

    private byte[] part(int partNo) {
        try {
            return arrival.part(partNo);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private void kept(int partNo) {
        try {
            arrival.kept(partNo, new byte[] {(byte) partNo});
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
