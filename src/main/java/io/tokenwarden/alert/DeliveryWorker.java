package io.tokenwarden.alert;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds: each due delivery is leased (so two instances do not send it at once), sent, and
 * marked delivered on a 2xx; otherwise tried again with the same delivery id after a growing pause (10 s, 20 s, 40 s...
 * at most 30 minutes) until 24 hours have passed. At least once, across restarts: a crash between sending and
 * marking sends it again. Each channel sends on a thread of its own, so a slow or failing channel delays no other.
 */
@Component
class DeliveryWorker {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final ChannelStore channels;
    private final Map<String, Sender> senders;
    private final Clock clock;
    private final Duration retryBase;
    /** How long a sending instance holds a delivery; after a crash it is sent again once this has passed. */
    private final Duration lease;

    private final Set<String> busy = ConcurrentHashMap.newKeySet();

    DeliveryWorker(
            JdbcClient jdbc, ChannelStore channels, List<Sender> senders, Clock clock, AlertProperties properties) {
        this.retryBase = properties.alerts().retryBase();
        this.lease = properties.alerts().lease();
        this.jdbc = jdbc;
        this.channels = channels;
        this.senders = senders.stream().collect(Collectors.toMap(Sender::kind, Function.identity()));
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tokenwarden.alerts.delivery-interval:2s}")
    void deliverDue() {
        for (Channel channel : channels.all()) {
            if (busy.add(channel.name())) {
                Thread.ofVirtual().name("alert-delivery-" + channel.name()).start(() -> {
                    try {
                        deliver(channel);
                    } catch (RuntimeException e) {
                        log.warn("Alert channel {}: delivery round failed: {}", channel.name(), e.toString());
                    } finally {
                        busy.remove(channel.name());
                    }
                });
            }
        }
    }

    /** Sends this channel's due deliveries; returns how many were delivered. */
    int deliver(Channel channel) {
        int delivered = 0;
        for (Sender.Delivery delivery : lease(channel.name())) {
            Sender.Result result = senders.get(channel.kind()).send(channel, delivery);
            record(delivery, result);
            delivered += result.delivered() ? 1 : 0;
        }
        return delivered;
    }

    private List<Sender.Delivery> lease(String channel) {
        Instant now = clock.instant();
        return jdbc.sql("""
                        UPDATE alert_delivery d SET next_attempt_at = :lease, attempts = d.attempts + 1
                        WHERE d.id IN (SELECT id FROM alert_delivery WHERE channel = :channel AND status = 'pending'
                                       AND next_attempt_at <= :now ORDER BY id LIMIT 50 FOR UPDATE SKIP LOCKED)
                        RETURNING d.id, d.delivery_id::text, d.event, d.alert::text, d.attempts""")
                .param("lease", Timestamp.from(now.plus(lease)))
                .param("channel", channel)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Sender.Delivery(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
    }

    private void record(Sender.Delivery delivery, Sender.Result result) {
        Instant now = clock.instant();
        if (result.delivered()) {
            jdbc.sql(
                            "UPDATE alert_delivery SET status = 'delivered', delivered_at = ?, last_status = ?, last_error = NULL "
                                    + "WHERE id = ?")
                    .params(Timestamp.from(now), result.status(), delivery.rowId())
                    .update();
            return;
        }
        long pause = Math.min(
                Duration.ofMinutes(30).toMillis(), retryBase.toMillis() << Math.min(20, delivery.attempt() - 1));
        jdbc.sql("""
                        UPDATE alert_delivery SET last_status = ?, last_error = ?, next_attempt_at = ?,
                            status = CASE WHEN created_at < ? THEN 'failed' ELSE 'pending' END
                        WHERE id = ?""")
                .params(
                        result.status(),
                        result.error(),
                        Timestamp.from(now.plusMillis(pause)),
                        Timestamp.from(now.minus(GIVE_UP_AFTER)),
                        delivery.rowId())
                .update();
        log.info(
                "Alert delivery {} attempt {} failed ({}); next in {} ms",
                delivery.deliveryId(),
                delivery.attempt(),
                result.error(),
                pause);
    }
}
