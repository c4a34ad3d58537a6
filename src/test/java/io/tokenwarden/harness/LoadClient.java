package io.tokenwarden.harness;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * K clients posting batches of numbered events until stopped (or until a number of events), each
 * retrying a batch with the same ids after a timeout, a refused connection or a 5xx until it is
 * acknowledged, and re-sending a share of acknowledged batches on purpose. The ledger of
 * acknowledged batches is what the database must hold afterwards, exactly.
 */
public final class LoadClient {

    /** @param resendShare share of acknowledged batches sent a second time (their answers must all be duplicates) */
    public record Settings(int clients, int batchSize, double resendShare, long maxEvents, Duration requestTimeout) {}

    private final Settings settings;
    private final Workload workload;
    private final String apiKey;
    private final URI events;
    private final AtomicLong nextEvent = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final LoadFigures figures = new LoadFigures();
    private final List<Thread> threads = new ArrayList<>();

    public LoadClient(URI events, String apiKey, Workload workload, Settings settings) {
        this.events = events;
        this.apiKey = apiKey;
        this.workload = workload;
        this.settings = settings;
    }

    public LoadClient start() {
        for (int i = 0; i < settings.clients(); i++) {
            Thread thread = new Thread(() -> run(new SplittableRandom(threads.size() * 31L + 7)), "load-" + i);
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    /** Stops starting new batches; every batch under way is retried until acknowledged. */
    public LoadFigures stop() throws InterruptedException {
        running.set(false);
        return awaitDone();
    }

    public LoadFigures awaitDone() throws InterruptedException {
        for (Thread thread : threads) {
            thread.join();
        }
        return figures;
    }

    public LoadFigures figures() {
        return figures;
    }

    private void run(SplittableRandom random) {
        try (RawHttpConnection http = new RawHttpConnection(events, Duration.ofSeconds(2), settings.requestTimeout())) {
            send(http, random);
        }
    }

    private void send(RawHttpConnection http, SplittableRandom random) {
        while (running.get()) {
            long first = nextEvent.getAndAdd(settings.batchSize());
            long size = Math.min(settings.batchSize(), settings.maxEvents() - first);
            if (size <= 0) {
                return;
            }
            String body = body(first, size);
            sendUntilAcknowledged(http, body, size, false);
            figures.acknowledged(first, size);
            if (random.nextDouble() < settings.resendShare()) {
                sendUntilAcknowledged(http, body, size, true);
            }
        }
    }

    private void sendUntilAcknowledged(RawHttpConnection http, String body, long size, boolean resend) {
        long giveUp = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < giveUp) {
            long started = System.nanoTime();
            try {
                RawHttpConnection.Answer answer = http.post(events.getRawPath(), "Bearer " + apiKey, body);
                long micros = (System.nanoTime() - started) / 1000;
                if (answer.status() == 200) {
                    figures.answered(size, resend, answer.body(), micros);
                    return;
                }
                figures.failed(answer.status(), micros, size);
                pause(answer);
            } catch (IOException e) {
                figures.failed(0, (System.nanoTime() - started) / 1000, size);
                sleep(200);
            }
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
        throw new IllegalStateException("a batch was not acknowledged within 3 minutes");
    }

    private String body(long first, long size) {
        StringBuilder json = new StringBuilder((int) size * 420).append("{\"events\":[");
        for (long n = first; n < first + size; n++) {
            if (n > first) {
                json.append(',');
            }
            workload.appendJson(json, n);
        }
        return json.append("]}").toString();
    }

    private static void pause(RawHttpConnection.Answer answer) {
        long seconds = Long.parseLong(answer.headers().getOrDefault("retry-after", "0"));
        sleep(seconds > 0 ? seconds * 1000 : 200);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
