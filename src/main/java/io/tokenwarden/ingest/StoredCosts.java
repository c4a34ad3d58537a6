package io.tokenwarden.ingest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** After an insert: new events keep the cost just computed; events that were already stored report theirs. */
@Component
class StoredCosts {

    private final JdbcClient jdbc;

    StoredCosts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, StoredItem> merge(long appId, List<PricedEvent> events, Set<String> inserted) {
        Map<String, StoredItem> result = new HashMap<>();
        for (PricedEvent event : events) {
            if (inserted.contains(event.event().eventId())) {
                result.put(
                        event.event().eventId(),
                        new StoredItem(true, event.quote().cost(), event.quote().unpricedReason()));
            }
        }
        String[] existing = events.stream()
                .map(e -> e.event().eventId())
                .filter(id -> !inserted.contains(id))
                .toArray(String[]::new);
        if (existing.length > 0) {
            jdbc.sql("SELECT event_id, cost, unpriced_reason FROM usage_event WHERE app_id = ? AND event_id = ANY(?)")
                    .params(appId, existing)
                    .query(rs -> {
                        result.put(rs.getString(1), new StoredItem(false, rs.getBigDecimal(2), rs.getString(3)));
                    });
        }
        return result;
    }
}
