package io.tokenwarden.alert;

import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.BoundedJson;
import io.tokenwarden.web.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API-next.md, "Alerts": the alerts (any user), and the channels with their deliveries (ADMIN). */
@RestController
class AlertController {

    private final AlertStore alerts;
    private final ChannelStore channels;
    private final Outbox outbox;
    private final BoundedJson bodies;
    private final JdbcClient jdbc;

    private final io.tokenwarden.usecase.UseCaseScopes scopes;

    AlertController(
            AlertStore alerts,
            ChannelStore channels,
            Outbox outbox,
            BoundedJson bodies,
            JdbcClient jdbc,
            io.tokenwarden.usecase.UseCaseScopes scopes) {
        this.scopes = scopes;
        this.alerts = alerts;
        this.channels = channels;
        this.outbox = outbox;
        this.bodies = bodies;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/alerts")
    List<AlertView> list(
            @RequestParam(required = false) String status, org.springframework.security.core.Authentication caller) {
        if (status != null && !Set.of("open", "resolved").contains(status)) {
            throw ApiException.badRequest(List.of(new FieldError("status", "must be one of open, resolved")));
        }
        return scopes.of(caller).filter(alerts.list(status), AlertView::useCase);
    }

    @GetMapping("/api/v1/alert-channels")
    List<ChannelView> channels() {
        return channels.all().stream().map(ChannelView::of).toList();
    }

    @PostMapping("/api/v1/alert-channels")
    ResponseEntity<ChannelView> create(HttpServletRequest request, Principal user) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(add(ChannelReader.read(bodies.read(request)), user.getName()));
    }

    ChannelView add(Channel channel, String actor) {
        if (!channels.create(channel, actor)) {
            throw new ApiException(HttpStatus.CONFLICT, "A channel named '" + channel.name() + "' exists already.");
        }
        return ChannelView.of(channel);
    }

    @DeleteMapping("/api/v1/alert-channels/{name}")
    ResponseEntity<Void> delete(@PathVariable String name, Principal user) {
        if (!channels.delete(name, user.getName())) {
            throw ApiException.notFound("There is no channel '" + name + "'.");
        }
        return ResponseEntity.noContent().build();
    }

    /** The channel's last 50 deliveries, newest first: what was sent, whether it arrived, and why not. */
    @GetMapping("/api/v1/alert-channels/{name}/deliveries")
    List<Map<String, Object>> deliveries(@PathVariable String name) {
        channels.byName(name).orElseThrow(() -> ApiException.notFound("There is no channel '" + name + "'."));
        return jdbc.sql("""
                        SELECT delivery_id::text AS delivery_id, alert_id, event, status, attempts, last_status, last_error,
                               created_at, delivered_at, next_attempt_at
                        FROM alert_delivery WHERE channel = ? ORDER BY created_at DESC, id DESC LIMIT 50""").param(name).query().listOfRows();
    }

    @PostMapping("/api/v1/alert-channels/{name}/test")
    ResponseEntity<Map<String, String>> test(@PathVariable String name) {
        channels.byName(name).orElseThrow(() -> ApiException.notFound("There is no channel '" + name + "'."));
        java.util.UUID id = outbox.enqueueTest(
                name,
                new AlertView(
                        0,
                        "spend_spike",
                        "test",
                        "open",
                        java.time.Instant.now(),
                        null,
                        "12.340000000000",
                        "5.000000000000",
                        "A test message from Tokenwarden: this channel works."));
        return ResponseEntity.accepted().body(Map.of("delivery_id", id.toString()));
    }

    /** A channel on the wire: the secret is never shown, only whether there is one. */
    record ChannelView(
            String name, String kind, String target, boolean hasSecret, List<String> useCases, List<String> teams) {
        static ChannelView of(Channel c) {
            return new ChannelView(c.name(), c.kind(), c.target(), c.secret() != null, c.useCases(), c.teams());
        }
    }
}
