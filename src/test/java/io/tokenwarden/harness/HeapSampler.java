package io.tokenwarden.harness;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Samples the app's used heap (Micrometer's jvm.memory.used, area heap) four times a second and keeps the peak. */
public final class HeapSampler implements AutoCloseable {

    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.E+]+)");

    private final AtomicLong peakBytes = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    public HeapSampler(AppProcess app) {
        HttpClient http = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + AppProcess.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(app.uri("/actuator/metrics/jvm.memory.used?tag=area:heap"))
                .header("Authorization", basic).timeout(Duration.ofSeconds(5)).build();
        thread = new Thread(() -> {
            while (running) {
                sample(http, request);
                sleep();
            }
        }, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    public long peakMegabytes() {
        return peakBytes.get() / (1024 * 1024);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }

    private void sample(HttpClient http, HttpRequest request) {
        try {
            Matcher value = VALUE.matcher(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
            if (value.find()) {
                peakBytes.accumulateAndGet((long) Double.parseDouble(value.group(1)), Math::max);
            }
        } catch (Exception e) {
            // a sample lost while the app is busy; the next one counts
        }
    }

    private void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            running = false;
        }
    }
}
