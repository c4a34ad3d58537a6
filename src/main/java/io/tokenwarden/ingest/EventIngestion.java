package io.tokenwarden.ingest;

import io.tokenwarden.security.AppPrincipal;
import io.tokenwarden.web.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Validates, prices and stores a batch of usage events. Validation needs no database; pricing and
 * the write share one transaction, which commits before any result is returned.
 */
@Service
public class EventIngestion {

    private final EventValidator validator;
    private final EventStore store;
    private final CommitGroup commitGroup;
    private final TransactionTemplate transaction;
    private final IngestMetrics metrics;

    EventIngestion(
            EventValidator validator,
            EventStore store,
            CommitGroup commitGroup,
            TransactionTemplate transaction,
            IngestMetrics metrics) {
        this.metrics = metrics;
        this.validator = validator;
        this.store = store;
        this.commitGroup = commitGroup;
        this.transaction = transaction;
    }

    /** For in-process producers (the demo workload): the same path as POST /api/v1/events; returns how many were accepted. */
    public long accept(AppPrincipal app, List<JsonNode> items) {
        return ingest(app, items).accepted();
    }

    /** The same path as POST /api/v1/events, for other wire formats (OTLP); one reason per rejected item. */
    public List<String> acceptAll(AppPrincipal app, List<JsonNode> items) {
        return ingest(app, items).results().stream()
                .filter(r -> r instanceof ItemResult.RejectedItem)
                .map(r -> ((ItemResult.RejectedItem) r)
                        .errors().stream()
                                .map(e -> e.field() + " " + e.message())
                                .collect(java.util.stream.Collectors.joining(", ")))
                .toList();
    }

    IngestResponse ingest(AppPrincipal app, List<JsonNode> items) {
        long started = System.nanoTime();
        List<Checked<UsageEventInput>> checked =
                items.stream().map(validator::validate).toList();
        Map<String, UsageEventInput> unique = firstOccurrences(checked);
        Map<String, StoredItem> stored = write(app, unique);
        List<ItemResult> results = new ArrayList<>(checked.size());
        Map<String, Integer> firstIndex = new LinkedHashMap<>();
        for (int i = 0; i < checked.size(); i++) {
            results.add(result(i, checked.get(i), stored, firstIndex));
        }
        IngestResponse response = IngestResponse.of(results);
        long unpriced = results.stream()
                .filter(r ->
                        r instanceof ItemResult.PricedItem p && p.status().equals(ItemResult.ACCEPTED) && !p.priced())
                .count();
        metrics.record(app.appName(), response, unpriced, java.time.Duration.ofNanos(System.nanoTime() - started));
        return response;
    }

    /** Small requests share a grouped commit; a large batch is a group of its own. */
    private Map<String, StoredItem> write(AppPrincipal app, Map<String, UsageEventInput> unique) {
        if (unique.isEmpty()) {
            return Map.of();
        }
        if (unique.size() <= CommitGroup.MAX_MEMBER_EVENTS) {
            return commitGroup.write(app, unique.values());
        }
        return StoreTransaction.run(
                transaction,
                () -> store.store(List.of(new EventStore.Request(app, unique.values())), store.pricesForWrite())
                        .get(0));
    }

    /** A retry inside one batch is a duplicate of its first occurrence, which alone is written. */
    private static Map<String, UsageEventInput> firstOccurrences(List<Checked<UsageEventInput>> checked) {
        Map<String, UsageEventInput> unique = new LinkedHashMap<>();
        checked.stream().filter(Checked::isValid).forEach(c -> unique.putIfAbsent(c.id(), c.value()));
        return unique;
    }

    private static ItemResult result(
            int index, Checked<UsageEventInput> item, Map<String, StoredItem> stored, Map<String, Integer> firstIndex) {
        if (!item.isValid()) {
            return new ItemResult.RejectedItem(index, item.id(), null, ItemResult.REJECTED, item.errors());
        }
        StoredItem row = stored.get(item.id());
        boolean repeated = firstIndex.putIfAbsent(item.id(), index) != null;
        String status = row.inserted() && !repeated ? ItemResult.ACCEPTED : ItemResult.DUPLICATE;
        return new ItemResult.PricedItem(
                index, item.id(), status, Money.format(row.cost()), row.cost() != null, row.unpricedReason());
    }
}
