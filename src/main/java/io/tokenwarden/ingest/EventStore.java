package io.tokenwarden.ingest;

import io.tokenwarden.pricing.CatalogSnapshot;
import io.tokenwarden.pricing.PriceCatalog;
import io.tokenwarden.security.AppPrincipal;
import io.tokenwarden.usecase.UseCases;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Prices and writes one request's valid events inside a transaction the caller owns. */
@Component
class EventStore {

    private final PriceCatalog catalog;
    private final EventWriter writer;
    private final UseCases useCases;

    EventStore(PriceCatalog catalog, EventWriter writer, UseCases useCases) {
        this.catalog = catalog;
        this.writer = writer;
        this.useCases = useCases;
    }

    /** Takes the catalog's shared lock for the caller's transaction and returns the prices to use in it. */
    CatalogSnapshot pricesForWrite() {
        return catalog.forWrite();
    }

    /** One request's events; ids are unique within a request and, in a group, across requests of one app. */
    record Request(AppPrincipal app, Collection<UsageEventInput> events) {}

    /** Writes the requests in one statement; returns each request's stored items, in request order. */
    List<Map<String, StoredItem>> store(List<Request> requests, CatalogSnapshot prices) {
        List<EventWriter.Row> rows = requests.stream()
                .flatMap(r -> r.events().stream()
                        .map(e -> new EventWriter.Row(
                                r.app().appId(),
                                new PricedEvent(e, prices.quote(e.model(), e.occurredAt(), e.usage())))))
                .toList();
        useCases.register(rows.stream().map(r -> r.event().event().useCase()).toList());
        Map<Long, Map<String, StoredItem>> stored = writer.write(rows);
        return requests.stream()
                .map(r -> only(stored.get(r.app().appId()), r.events()))
                .toList();
    }

    private static Map<String, StoredItem> only(Map<String, StoredItem> stored, Collection<UsageEventInput> events) {
        Map<String, StoredItem> mine = new HashMap<>();
        events.forEach(e -> mine.put(e.eventId(), stored.get(e.eventId())));
        return mine;
    }
}
