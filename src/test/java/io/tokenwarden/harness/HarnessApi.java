package io.tokenwarden.harness;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a harness asks of a running app (an app key) and of its database (what was stored). */
public final class HarnessApi {

    private static final Pattern API_KEY = Pattern.compile("\"api_key\"\\s*:\\s*\"([^\"]+)\"");

    private HarnessApi() {}

    /** Creates an app as the admin and returns its key. */
    public static String newAppKey(AppProcess app, String name) throws IOException, InterruptedException {
        String basic = Base64.getEncoder()
                .encodeToString(("admin:" + AppProcess.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(app.uri("/api/v1/apps"))
                                .header("Authorization", "Basic " + basic)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        Matcher key = API_KEY.matcher(created.body());
        if (created.statusCode() != 201 && created.statusCode() != 200 || !key.find()) {
            throw new IllegalStateException("creating app " + name + ": HTTP " + created.statusCode());
        }
        return key.group(1);
    }

    /** The events stored for an app, read straight from PostgreSQL. */
    public record Stored(Set<String> ids, long rows, BigDecimal cost) {}

    public static Stored stored(String jdbcUrl, String appName) throws SQLException {
        try (Connection con = DriverManager.getConnection(jdbcUrl, "postgres", "");
                PreparedStatement query = con.prepareStatement("""
                     SELECT e.event_id, e.cost FROM usage_event e JOIN app a ON a.id = e.app_id WHERE a.name = ?""")) {
            query.setString(1, appName);
            query.setFetchSize(10_000);
            con.setAutoCommit(false);
            Set<String> ids = new HashSet<>();
            long rows = 0;
            BigDecimal cost = BigDecimal.ZERO;
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getString(1));
                    rows++;
                    cost = cost.add(result.getBigDecimal(2));
                }
            }
            return new Stored(ids, rows, cost);
        }
    }
}
