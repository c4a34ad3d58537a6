package io.tokenwarden.ingest;

import io.tokenwarden.security.AppPrincipal;
import io.tokenwarden.usecase.UseCases;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** POST /api/v1/outcomes: the same rules and idempotency as events, without pricing. */
@Service
class OutcomeIngestion {

    private static final String INSERT = """
            INSERT INTO outcome (app_id, outcome_id, occurred_at, use_case, units)
            SELECT ?, o.* FROM unnest(?::text[], ?::text[]::timestamptz[], ?::text[], ?::numeric[]) AS o
            ON CONFLICT (app_id, outcome_id) DO NOTHING
            RETURNING outcome_id
            """;

    private final OutcomeValidator validator;
    private final JdbcClient jdbc;
    private final UseCases useCases;
    private final TransactionTemplate transaction;

    OutcomeIngestion(OutcomeValidator validator, JdbcClient jdbc, UseCases useCases, TransactionTemplate transaction) {
        this.validator = validator;
        this.jdbc = jdbc;
        this.useCases = useCases;
        this.transaction = transaction;
    }

    IngestResponse ingest(AppPrincipal app, List<JsonNode> items) {
        List<Checked<OutcomeInput>> checked =
                items.stream().map(validator::validate).toList();
        Map<String, OutcomeInput> unique = new LinkedHashMap<>();
        checked.stream().filter(Checked::isValid).forEach(c -> unique.putIfAbsent(c.id(), c.value()));
        Set<String> inserted = unique.isEmpty()
                ? Set.of()
                : StoreTransaction.run(transaction, () -> insert(app.appId(), unique.values()));
        List<ItemResult> results = new ArrayList<>(checked.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < checked.size(); i++) {
            Checked<OutcomeInput> item = checked.get(i);
            if (!item.isValid()) {
                results.add(new ItemResult.RejectedItem(i, null, item.id(), ItemResult.REJECTED, item.errors()));
            } else {
                boolean first = seen.add(item.id());
                String status = first && inserted.contains(item.id()) ? ItemResult.ACCEPTED : ItemResult.DUPLICATE;
                results.add(new ItemResult.OutcomeItem(i, item.id(), status));
            }
        }
        return IngestResponse.of(results);
    }

    private Set<String> insert(long appId, java.util.Collection<OutcomeInput> outcomes) {
        List<OutcomeInput> rows = outcomes.stream()
                .sorted(Comparator.comparing(OutcomeInput::outcomeId))
                .toList();
        useCases.register(rows.stream().map(OutcomeInput::useCase).toList());
        return new HashSet<>(jdbc.sql(INSERT)
                .params(
                        appId,
                        rows.stream().map(OutcomeInput::outcomeId).toArray(String[]::new),
                        rows.stream().map(o -> o.occurredAt().toString()).toArray(String[]::new),
                        rows.stream().map(OutcomeInput::useCase).toArray(String[]::new),
                        rows.stream().map(OutcomeInput::units).toArray(java.math.BigDecimal[]::new))
                .query(String.class)
                .list());
    }
}
