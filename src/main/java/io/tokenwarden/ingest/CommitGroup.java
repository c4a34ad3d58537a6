package io.tokenwarden.ingest;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.tokenwarden.security.AppPrincipal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commit grouping for small requests: concurrent requests queue their events, and whichever thread
 * holds the leader lock writes everything queued in one transaction (one catalog lock, one commit,
 * one WAL flush), then completes every member's answer. Nobody is answered before the commit, so a
 * 2xx still means durable. A group that fails on data (not on the database being down) is retried
 * member by member so that one bad request cannot fail the others.
 */
@Component
class CommitGroup {

    /** Requests with more events than this write alone: they are a group already. */
    static final int MAX_MEMBER_EVENTS = 50;
    private static final int MAX_GROUP_EVENTS = 1000;

    private final Queue<Member> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock leader = new ReentrantLock();
    private final EventStore store;
    private final TransactionTemplate transaction;
    private final DistributionSummary groupSizes;

    CommitGroup(EventStore store, TransactionTemplate transaction, MeterRegistry meters) {
        this.store = store;
        this.transaction = transaction;
        this.groupSizes = DistributionSummary.builder("tokenwarden.ingest.commit.group.requests")
                .description("Requests written by one grouped commit").register(meters);
    }

    Map<String, StoredItem> write(AppPrincipal app, Collection<UsageEventInput> events) {
        Member mine = new Member(app, events, new CompletableFuture<>());
        waiting.add(mine);
        leader.lock();
        try {
            while (!mine.result().isDone()) {
                commit(drain());
            }
        } finally {
            leader.unlock();
        }
        try {
            return mine.result().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /**
     * Takes queued requests up to the group size. A request repeating an id of one already taken (same
     * app) waits for the next group, so that it sees that row as stored and answers "duplicate".
     */
    private List<Member> drain() {
        List<Member> group = new ArrayList<>();
        List<Member> deferred = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int events = 0;
        Member next;
        while (events < MAX_GROUP_EVENTS && (next = waiting.poll()) != null) {
            List<String> mine = next.keys();
            if (mine.stream().anyMatch(keys::contains)) {
                deferred.add(next);
                continue;
            }
            keys.addAll(mine);
            group.add(next);
            events += next.events().size();
        }
        waiting.addAll(deferred);
        return group;
    }

    private void commit(List<Member> group) {
        if (group.isEmpty()) {
            return;
        }
        groupSizes.record(group.size());
        try {
            List<Map<String, StoredItem>> results = transaction.execute(status -> store.store(
                    group.stream().map(m -> new EventStore.Request(m.app(), m.events())).toList(),
                    store.pricesForWrite()));
            for (int i = 0; i < group.size(); i++) {
                group.get(i).result().complete(results.get(i));
            }
        } catch (DataIntegrityViolationException e) {
            if (group.size() == 1) {
                group.get(0).result().completeExceptionally(e);
            } else {
                group.forEach(member -> commit(List.of(member)));
            }
        } catch (RuntimeException e) {
            // The database itself failed: those queued meanwhile would wait for the same answer, so they get it now.
            group.forEach(member -> member.result().completeExceptionally(e));
            for (Member queued; (queued = waiting.poll()) != null; ) {
                queued.result().completeExceptionally(e);
            }
        }
    }

    private record Member(AppPrincipal app, Collection<UsageEventInput> events,
                          CompletableFuture<Map<String, StoredItem>> result) {

        List<String> keys() {
            return events.stream().map(e -> app.appId() + "/" + e.eventId()).toList();
        }
    }
}
