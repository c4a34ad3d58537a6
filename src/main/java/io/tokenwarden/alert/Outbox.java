package io.tokenwarden.alert;

import io.tokenwarden.usecase.UseCases;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The delivery outbox: one row per channel and alert event, written in the caller's transaction with the alert as
 * it stands, then sent (and retried with the same delivery id) by {@link DeliveryWorker}.
 */
@Component
class Outbox {

    private final JdbcClient jdbc;
    private final ChannelStore channels;
    private final UseCases useCases;
    private final JsonMapper json;
    private final Clock clock;

    Outbox(JdbcClient jdbc, ChannelStore channels, UseCases useCases, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.channels = channels;
        this.useCases = useCases;
        this.json = json;
        this.clock = clock;
    }

    void enqueue(AlertView alert, String event) {
        String team = UseCases.of(useCases.byName(), alert.useCase()).ownerTeam();
        for (Channel channel : channels.all()) {
            if (channel.covers(alert.useCase(), team)) {
                insert(channel.name(), alert, event);
            }
        }
    }

    /** A test message to one channel: the same path as a real alert, without an alert row. */
    UUID enqueueTest(String channel, AlertView sample) {
        return insert(channel, sample, "test");
    }

    private UUID insert(String channel, AlertView alert, String event) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO alert_delivery (delivery_id, alert_id, channel, event, alert, status, next_attempt_at,
                            created_at) VALUES (?, ?, ?, ?, ?::jsonb, 'pending', ?, ?)""")
                .params(
                        id,
                        alert.id() > 0 ? alert.id() : null,
                        channel,
                        event,
                        json.writeValueAsString(alert),
                        now,
                        now)
                .update();
        return id;
    }
}
