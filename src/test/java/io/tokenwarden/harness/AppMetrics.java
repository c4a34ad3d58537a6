package io.tokenwarden.harness;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the app's Micrometer meters through /actuator/metrics (as an admin). */
public final class AppMetrics {

    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.E+-]+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADMIN = "Basic "
            + Base64.getEncoder()
                    .encodeToString(("admin:" + AppProcess.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    /** A meter's count and total at one moment; two snapshots give the mean of what happened in between. */
    public record Snapshot(double count, double total) {

        public double meanSince(Snapshot before) {
            double n = count - before.count;
            return n == 0 ? 0 : (total - before.total) / n;
        }
    }

    private AppMetrics() {}

    /** @param meter name and query, for example {@code http.server.requests?tag=uri:/api/v1/events} */
    public static Snapshot snapshot(AppProcess app, String meter) throws Exception {
        List<Double> values = values(app, meter);
        return new Snapshot(values.isEmpty() ? 0 : values.get(0), values.size() < 2 ? 0 : values.get(1));
    }

    /** The meter's measurements in the order the actuator lists them (a gauge has one: its value). */
    static List<Double> values(AppProcess app, String meter) throws Exception {
        String body = HTTP.send(
                        HttpRequest.newBuilder(app.uri("/actuator/metrics/" + meter))
                                .header("Authorization", ADMIN)
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        List<Double> values = new ArrayList<>();
        for (Matcher value = VALUE.matcher(body); value.find(); ) {
            values.add(Double.parseDouble(value.group(1)));
        }
        return values;
    }
}
