package io.tokenwarden.ingest;

import static io.tokenwarden.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Small requests share commits. Four apps post single events from many threads, every id twice, so
 * groups mix apps and repeat ids: each id must be stored once per app with exactly one "accepted",
 * and more than one request must have gone into some commit. Each app sends 150 requests, under
 * its key's burst of 200, so the rate limit never answers instead of the commit group.
 */
@IntegrationTest
class CommitGroupTest {

    private static final int IDS = 75;

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void concurrentSmallRequestsShareCommitsAndKeepTheirOwnAnswers() throws Exception {
        List<Api.NewApp> apps = List.of(api.newApp(), api.newApp(), api.newApp(), api.newApp());
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<List<String>>> answers = new ArrayList<>();
        try {
            for (int copy = 0; copy < 2; copy++) {
                for (int i = 0; i < IDS; i++) {
                    for (Api.NewApp app : apps) {
                        String body = api.toJson(event("group-" + i).toMap());
                        answers.add(pool.submit(() -> statuses(api.postEvents(app.apiKey(), body))));
                    }
                }
            }
            List<String> statuses = new ArrayList<>();
            for (Future<List<String>> answer : answers) {
                statuses.addAll(answer.get());
            }
            assertThat(statuses).filteredOn("accepted"::equals).hasSize(apps.size() * IDS);
            assertThat(statuses).filteredOn("duplicate"::equals).hasSize(apps.size() * IDS);
        } finally {
            pool.shutdownNow();
        }
        for (Api.NewApp app : apps) {
            assertThat(jdbc.sql("""
                            SELECT count(DISTINCT event_id) = count(*) AND count(*) = ? FROM usage_event e
                            JOIN app a ON a.id = e.app_id WHERE a.name = ?""")
                            .params(IDS, app.name())
                            .query(Boolean.class)
                            .single())
                    .isTrue();
        }
        assertThat(meters.get("tokenwarden.ingest.commit.group.requests")
                        .summary()
                        .max())
                .isGreaterThan(1);
    }

    private static List<String> statuses(Api.Response response) {
        assertThat(response.status()).isEqualTo(200);
        return EventIngestionTest.statuses(response.json());
    }
}
