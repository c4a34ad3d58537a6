import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A quick ingestion figure: one client posts BATCHES batches of 1,000 realistic events, one after
 * another, and prints events per second. Not the full benchmark (see the performance issue).
 *
 * Usage: java bench/QuickIngest.java <api key> [base url] [batches]
 */
public class QuickIngest {

    private static final String[] USE_CASES = {"document_processing", "customer_chat", "code_review", "triage"};
    private static final String[] MODELS = {"claude-sonnet-4-5-20250929", "claude-haiku-4-5", "claude-opus-4-6"};

    public static void main(String[] args) throws Exception {
        String key = args[0];
        String base = args.length > 1 ? args[1] : "http://localhost:8080";
        int batches = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String run = UUID.randomUUID().toString().substring(0, 8);
        long accepted = 0;
        long start = System.nanoTime();
        for (int b = 0; b < batches; b++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(batch(run, b))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("batch " + b + ": HTTP " + response.statusCode() + " " + response.body());
            }
            accepted += 1000;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%d events in %d batches of 1,000 from one client: %.2f s, %.0f events/s%n",
                accepted, batches, seconds, accepted / seconds);
    }

    private static String batch(String run, int b) {
        StringBuilder json = new StringBuilder(400_000).append("{\"events\":[");
        Instant now = Instant.now().minusSeconds(3600);
        for (int i = 0; i < 1000; i++) {
            int n = b * 1000 + i;
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"event_id\":\"bench-").append(run).append('-').append(n)
                    .append("\",\"occurred_at\":\"").append(now.plusMillis(n)).append("\",\"use_case\":\"")
                    .append(USE_CASES[n % USE_CASES.length]).append("\",\"model\":\"").append(MODELS[n % MODELS.length])
                    .append("\",\"usage\":{\"input_tokens\":").append(200 + n % 5000)
                    .append(",\"output_tokens\":").append(50 + n % 700)
                    .append(",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":").append(n % 3 == 0 ? 4000 : 0)
                    .append(",\"service_tier\":\"").append(n % 10 == 0 ? "batch" : "standard")
                    .append("\"},\"task_type\":\"extraction\",\"prompt\":{\"prefix_hash\":\"sha256:p").append(n % 20)
                    .append("\",\"prefix_tokens\":4000},\"tags\":{\"team\":\"legal\",\"env\":\"prod\"}}");
        }
        return json.append("]}").toString();
    }
}
