package org.clientclub.membership.internal.pdf;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.clientclub.support.HostilePdfs;
import org.clientclub.support.QuestionnairePdfs;
import org.clientclub.support.TestQuestionnaires;

/**
 * Run by {@link PdfHostileInputTest} in a JVM of its own with a small heap, as the attack: {@code args[0]}
 * mailed PDFs whose field value inflates to 1 GiB, read at once by as many threads (the job executor's), through
 * the reader with the application's default slots, while a web server in the same JVM answers requests. Prints
 * one {@code outcome} line per PDF and a {@code web} line with the requests answered and failed; exits 0 when it
 * got that far. With {@code -XX:+ExitOnOutOfMemoryError} a heap that runs out ends the JVM at once instead.
 */
final class PdfBombDrill {

    private PdfBombDrill() {}

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        byte[] bomb = HostilePdfs.streamValueBomb(
                QuestionnairePdfs.generator(), TestQuestionnaires.adult("bomb@example.org"), HostilePdfs.GIB);
        QuestionnairePdfReader reader = QuestionnairePdfs.reader();
        HttpServer web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/", exchange -> {
            byte[] body = "up".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        web.start();
        ExecutorService jobs = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch together = new CountDownLatch(1);
            List<Future<PdfReading>> readings = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                // Each message brings its own copy of the attachment, as ten e-mails would.
                byte[] attachment = bomb.clone();
                readings.add(jobs.submit(() -> {
                    together.await();
                    return reader.read(attachment);
                }));
            }
            together.countDown();
            int[] web200 = ask(web, readings);
            for (int i = 0; i < count; i++) {
                System.out.println("outcome " + i + ": " + readings.get(i).get(1, TimeUnit.MINUTES));
            }
            System.out.println("web: answered " + web200[0] + ", failed " + web200[1]);
        } finally {
            jobs.shutdownNow();
            web.stop(0);
        }
    }

    /** Asks the web server again and again while the PDFs are read (at least once), paced by their progress. */
    private static int[] ask(HttpServer web, List<Future<PdfReading>> readings) throws InterruptedException {
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + web.getAddress().getPort() + "/"))
                .timeout(Duration.ofSeconds(5))
                .build();
        int answered = 0;
        int failed = 0;
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        do {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().equals("up")) {
                    answered++;
                } else {
                    failed++;
                }
            } catch (IOException e) {
                failed++;
            }
        } while (!awaitAll(readings, Duration.ofMillis(20)) && System.nanoTime() < until);
        return new int[] {answered, failed};
    }

    /** Waits up to {@code time} for the readings to finish; true when all have. */
    private static boolean awaitAll(List<Future<PdfReading>> readings, Duration time) throws InterruptedException {
        for (Future<PdfReading> reading : readings) {
            if (!reading.isDone()) {
                try {
                    reading.get(time.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    // Reported with its outcome line.
                } catch (TimeoutException e) {
                    return false;
                }
            }
        }
        return true;
    }
}
