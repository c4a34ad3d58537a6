package io.tokenwarden.recommend;

import io.tokenwarden.pricing.InferenceGeo;
import io.tokenwarden.pricing.ServiceTier;
import io.tokenwarden.pricing.TestCatalog;
import io.tokenwarden.pricing.TokenUsage;
import io.tokenwarden.usecase.UseCaseSettings;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Builds hand-made event lists for detector tests; a 30-day window makes monthly = window figures. */
final class Workload {

    static final Instant START = Instant.parse("2026-11-02T09:00:00Z");

    private final List<WindowEvent> events = new ArrayList<>();
    private UseCaseSettings settings = UseCaseSettings.unset("test_case");

    static Workload of() {
        return new Workload();
    }

    Workload settings(String latencyClass, String defaultTaskType) {
        settings = new UseCaseSettings("test_case", null, null, null, null, null, latencyClass, defaultTaskType);
        return this;
    }

    Workload add(Event event) {
        events.add(event.build());
        return this;
    }

    /** {@code count} copies of {@code event}, {@code gapSeconds} apart. */
    Workload repeat(int count, long gapSeconds, Event event) {
        for (int i = 0; i < count; i++) {
            events.add(event.at(START.plusSeconds(i * gapSeconds)).build());
        }
        return this;
    }

    UseCaseWindow window() {
        return window(30);
    }

    UseCaseWindow window(int days) {
        return window(days, TestCatalog.designPrices());
    }

    UseCaseWindow window(int days, io.tokenwarden.pricing.CatalogSnapshot catalog) {
        return new UseCaseWindow(settings, List.copyOf(events), days, catalog, ZoneOffset.UTC);
    }

    static Event event(String model) {
        return new Event(model);
    }

    static final class Event {
        private final String model;
        private Instant at = START;
        private long input = 1000;
        private long output = 100;
        private long cacheWrite;
        private long cacheRead;
        private ServiceTier tier = ServiceTier.STANDARD;
        private String taskType;
        private String latencyClass;
        private String prefixHash;
        private Long prefixTokens;
        private String conversation;
        private Integer turn;
        private WindowEvent.GatewayEvidence gateway = WindowEvent.GatewayEvidence.NONE;
        private WindowEvent.CacheMiss cacheMiss = WindowEvent.CacheMiss.NONE;

        Event(String model) {
            this.model = model;
        }

        Event at(Instant value) {
            at = value;
            return this;
        }

        Event tokens(long in, long out) {
            input = in;
            output = out;
            return this;
        }

        Event cache(long write, long read) {
            cacheWrite = write;
            cacheRead = read;
            return this;
        }

        Event batch() {
            tier = ServiceTier.BATCH;
            return this;
        }

        Event task(String value) {
            taskType = value;
            return this;
        }

        Event latency(String value) {
            latencyClass = value;
            return this;
        }

        Event prefix(String hash, long tokens) {
            prefixHash = hash;
            prefixTokens = tokens;
            return this;
        }

        Event turn(String id, int value) {
            conversation = id;
            turn = value;
            return this;
        }

        Event missed(String type, long tokens) {
            cacheMiss = new WindowEvent.CacheMiss(type, tokens);
            return this;
        }

        Event gateway(String prefixSource, String systemHash, String maskedHash, String maskedAt) {
            gateway = new WindowEvent.GatewayEvidence(prefixSource, systemHash, maskedHash, maskedAt);
            return this;
        }

        WindowEvent build() {
            TokenUsage usage = TokenUsage.of(input, output)
                    .withCacheWrites(cacheWrite, 0)
                    .withCacheReads(cacheRead)
                    .with(tier, InferenceGeo.GLOBAL);
            return new WindowEvent(
                    at,
                    model,
                    usage,
                    taskType,
                    latencyClass,
                    prefixHash,
                    prefixTokens,
                    conversation,
                    turn,
                    null,
                    null,
                    gateway,
                    cacheMiss);
        }
    }
}
