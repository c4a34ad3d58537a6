package io.tokenwarden.ingest;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** After an insert: new ids keep the cost just computed; ids that were already stored report theirs. */
@Component
class StoredCosts {

    private final JdbcClient jdbc;

    StoredCosts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    <T> Map<String, StoredItem> merge(String table, String idColumn, long appId, List<T> items, Set<String> inserted,
                                      Function<T, String> id, Function<T, BigDecimal> cost) {
        Map<String, StoredItem> result = new HashMap<>();
        List<String> existing = items.stream().map(id).filter(i -> !inserted.contains(i)).toList();
        for (T item : items) {
            if (inserted.contains(id.apply(item))) {
                result.put(id.apply(item), new StoredItem(true, cost.apply(item)));
            }
        }
        if (!existing.isEmpty()) {
            result.putAll(existingCosts(table, idColumn, appId, existing));
        }
        return result;
    }

    private Map<String, StoredItem> existingCosts(String table, String idColumn, long appId, List<String> ids) {
        String costColumn = table.equals("usage_event") ? "cost" : "NULL::numeric";
        Map<String, StoredItem> found = new HashMap<>();
        jdbc.sql("SELECT " + idColumn + ", " + costColumn + " FROM " + table
                        + " WHERE app_id = ? AND " + idColumn + " = ANY(?)")
                .params(appId, ids.toArray(String[]::new))
                .query(rs -> {
                    found.put(rs.getString(1), new StoredItem(false, rs.getBigDecimal(2)));
                });
        return found;
    }
}
