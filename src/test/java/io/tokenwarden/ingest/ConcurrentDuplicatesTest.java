package io.tokenwarden.ingest;

import static io.tokenwarden.support.Events.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.support.Api;
import io.tokenwarden.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ConcurrentDuplicatesTest {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSameEventSentAtOnceFromManyClientsIsStoredOnce() throws Exception {
        Api.NewApp app = api.newApp();
        String body = api.toJson(event("race").toMap());
        int clients = 12;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> responses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            for (int i = 0; i < clients; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return api.postEvents(app.apiKey(), body);
                }));
            }
            start.countDown();
            List<String> statuses = new ArrayList<>();
            for (Future<Api.Response> response : responses) {
                assertThat(response.get().status()).isEqualTo(200);
                statuses.addAll(EventIngestionTest.statuses(response.get().json()));
            }
            assertThat(statuses).containsOnlyOnce("accepted").hasSize(clients).containsOnly("accepted", "duplicate");
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM usage_event e JOIN app a ON a.id = e.app_id WHERE a.name = ?")
                        .param(app.name())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
