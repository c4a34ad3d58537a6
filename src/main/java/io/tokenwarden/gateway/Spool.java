package io.tokenwarden.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tokenwarden.security.AppPrincipal;
import io.tokenwarden.security.PresentedKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Usage the database could not take, on local disk until it can: one file per call, written to a temporary name,
 * fsynced, renamed and the directory fsynced, so an entry is either whole or absent after a crash. Entries are
 * replayed by {@link SpoolReplay}, idempotently (the message id is the event id), then deleted.
 */
@Component
class Spool {

    private static final Logger log = LoggerFactory.getLogger(Spool.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dir;
    private final int maxEntries;
    private final AtomicLong entries = new AtomicLong();
    private final Counter full;
    private final Counter lost;

    Spool(GatewayProperties properties, MeterRegistry meters) throws IOException {
        this.dir = properties.spoolDir();
        this.maxEntries = properties.spoolMaxEntries();
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(dir)) {
            entries.set(files.filter(Spool::isEntry).count());
        }
        meters.gauge("tokenwarden.gateway.spool.entries", entries);
        this.full = meters.counter("tokenwarden.gateway.spool.over.limit");
        this.lost = meters.counter("tokenwarden.gateway.usage.lost");
        if (entries.get() > 0) {
            log.info("Gateway spool {}: {} entries to replay", dir, entries.get());
        }
    }

    void append(Object principal, List<JsonNode> events) {
        if (events.isEmpty()) {
            return;
        }
        if (entries.get() >= maxEntries) {
            full.increment(); // over the limit is an alert, never a dropped call: the entry is still written
            log.error(
                    "Gateway spool {} holds {} entries, over its limit of {}: is PostgreSQL down?",
                    dir,
                    entries.get(),
                    maxEntries);
        }
        ObjectNode entry = JSON.createObjectNode();
        if (principal instanceof AppPrincipal app) {
            entry.putObject("app")
                    .put("app_id", app.appId())
                    .put("app_name", app.appName())
                    .put("key_id", app.keyId());
        } else if (principal instanceof PresentedKey key) {
            entry.putObject("presented_key").put("key_id", key.keyId()).put("secret_sha256", key.secretSha256());
        }
        entry.putArray("events").addAll(events);
        try {
            write(JSON.writeValueAsBytes(entry));
            entries.incrementAndGet();
        } catch (IOException e) {
            lost.increment(events.size());
            log.error("Gateway spool {}: could not write usage of {} calls: {}", dir, events.size(), e.toString());
        }
    }

    private void write(byte[] bytes) throws IOException {
        String name = System.currentTimeMillis() + "-" + UUID.randomUUID();
        Path temporary = dir.resolve(name + ".tmp");
        try (FileChannel channel =
                FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Files.move(temporary, dir.resolve(name + ".json"), StandardCopyOption.ATOMIC_MOVE);
        syncDirectory();
    }

    private void syncDirectory() throws IOException {
        try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
            directory.force(true);
        }
    }

    /** Entries oldest first. */
    List<Path> entries() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Spool::isEntry).sorted().toList();
        }
    }

    JsonNode read(Path entry) throws IOException {
        return JSON.readTree(Files.readAllBytes(entry));
    }

    void remove(Path entry) throws IOException {
        Files.deleteIfExists(entry);
        syncDirectory();
        entries.decrementAndGet();
    }

    /** An entry whose key turned out invalid: kept aside for an admin, never replayed again. */
    void reject(Path entry) throws IOException {
        Path rejected = Files.createDirectories(dir.resolve("rejected"));
        Files.move(entry, rejected.resolve(entry.getFileName()), StandardCopyOption.ATOMIC_MOVE);
        syncDirectory();
        entries.decrementAndGet();
    }

    long size() {
        return entries.get();
    }

    private static boolean isEntry(Path file) {
        return file.getFileName().toString().endsWith(".json");
    }
}
