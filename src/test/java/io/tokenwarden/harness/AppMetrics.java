package io.tokenwarden.harness;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one of the app's Micrometer meters through /actuator/metrics (as an admin). */
public final class AppMetrics {

    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([0-9.E+-]+)");

    /** A meter's count and total at one moment; two snapshots give the mean of what happened in between. */
    public record Snapshot(double count, double total) {

        public double meanSince(Snapshot before) {
            double n = count - before.count;
            return n == 0 ? 0 : (total - before.total) / n;
        }
    }

    private AppMetrics() {
    }

    /** @param meter name and query, for example {@code http.server.requests?tag=uri:/api/v1/events} */
    public static Snapshot snapshot(AppProcess app, String meter) throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + AppProcess.ADMIN_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(app.uri("/actuator/metrics/" + meter))
                .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher values = VALUE.matcher(body);
        double count = values.find() ? Double.parseDouble(values.group(1)) : 0;
        double total = values.find() ? Double.parseDouble(values.group(1)) : 0;
        return new Snapshot(count, total);
    }
}
