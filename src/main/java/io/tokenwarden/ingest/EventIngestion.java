package io.tokenwarden.ingest;

import io.tokenwarden.pricing.CatalogSnapshot;
import io.tokenwarden.pricing.PriceCatalog;
import io.tokenwarden.security.AppPrincipal;
import io.tokenwarden.usecase.UseCases;
import io.tokenwarden.web.Money;
import java.util.ArrayList;
import java.util.Comparator;
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
    private final PriceCatalog catalog;
    private final EventWriter writer;
    private final UseCases useCases;
    private final TransactionTemplate transaction;
    private final IngestMetrics metrics;

    EventIngestion(EventValidator validator, PriceCatalog catalog, EventWriter writer, UseCases useCases,
                   TransactionTemplate transaction, IngestMetrics metrics) {
        this.metrics = metrics;
        this.validator = validator;
        this.catalog = catalog;
        this.writer = writer;
        this.useCases = useCases;
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
                .map(r -> ((ItemResult.RejectedItem) r).errors().stream()
                        .map(e -> e.field() + " " + e.message()).collect(java.util.stream.Collectors.joining(", ")))
                .toList();
    }

    IngestResponse ingest(AppPrincipal app, List<JsonNode> items) {
        long started = System.nanoTime();
        List<Checked<UsageEventInput>> checked = items.stream().map(validator::validate).toList();
        Map<String, UsageEventInput> unique = firstOccurrences(checked);
        Map<String, StoredItem> stored = unique.isEmpty() ? Map.of()
                : transaction.execute(status -> store(app, unique.values()));
        List<ItemResult> results = new ArrayList<>(checked.size());
        Map<String, Integer> firstIndex = new LinkedHashMap<>();
        for (int i = 0; i < checked.size(); i++) {
            results.add(result(i, checked.get(i), stored, firstIndex));
        }
        IngestResponse response = IngestResponse.of(results);
        long unpriced = results.stream().filter(r -> r instanceof ItemResult.PricedItem p
                && p.status().equals(ItemResult.ACCEPTED) && !p.priced()).count();
        metrics.record(app.appName(), response, unpriced, java.time.Duration.ofNanos(System.nanoTime() - started));
        return response;
    }

    private Map<String, StoredItem> store(AppPrincipal app, java.util.Collection<UsageEventInput> events) {
        CatalogSnapshot prices = catalog.forWrite();
        List<PricedEvent> priced = events.stream()
                .sorted(Comparator.comparing(UsageEventInput::eventId))
                .map(e -> new PricedEvent(e, prices.quote(e.model(), e.occurredAt(), e.usage())))
                .toList();
        useCases.register(events.stream().map(UsageEventInput::useCase).toList());
        return writer.write(app.appId(), priced);
    }

    /** A retry inside one batch is a duplicate of its first occurrence, which alone is written. */
    private static Map<String, UsageEventInput> firstOccurrences(List<Checked<UsageEventInput>> checked) {
        Map<String, UsageEventInput> unique = new LinkedHashMap<>();
        checked.stream().filter(Checked::isValid).forEach(c -> unique.putIfAbsent(c.id(), c.value()));
        return unique;
    }

    private static ItemResult result(int index, Checked<UsageEventInput> item, Map<String, StoredItem> stored,
                                     Map<String, Integer> firstIndex) {
        if (!item.isValid()) {
            return new ItemResult.RejectedItem(index, item.id(), null, ItemResult.REJECTED, item.errors());
        }
        StoredItem row = stored.get(item.id());
        boolean repeated = firstIndex.putIfAbsent(item.id(), index) != null;
        String status = row.inserted() && !repeated ? ItemResult.ACCEPTED : ItemResult.DUPLICATE;
        return new ItemResult.PricedItem(index, item.id(), status, Money.format(row.cost()), row.cost() != null);
    }
}
