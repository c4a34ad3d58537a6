package io.tokenwarden.alert;

import io.tokenwarden.audit.AuditLog;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The alert channels, as admins set them. */
@Component
class ChannelStore {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    ChannelStore(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    List<Channel> all() {
        return jdbc.sql("SELECT name, kind, target, secret, use_cases, teams FROM alert_channel ORDER BY name")
                .query(ChannelStore::row)
                .list();
    }

    Optional<Channel> byName(String name) {
        return jdbc.sql("SELECT name, kind, target, secret, use_cases, teams FROM alert_channel WHERE name = ?")
                .param(name)
                .query(ChannelStore::row)
                .optional();
    }

    /** Adds the channel and its audit row in one transaction; false when the name is taken. */
    @Transactional
    boolean create(Channel channel, String actor) {
        boolean created = jdbc.sql("""
                        INSERT INTO alert_channel (name, kind, target, secret, use_cases, teams, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING""")
                        .params(
                                channel.name(),
                                channel.kind(),
                                channel.target(),
                                channel.secret(),
                                channel.useCases() == null
                                        ? null
                                        : channel.useCases().toArray(String[]::new),
                                channel.teams() == null ? null : channel.teams().toArray(String[]::new),
                                actor)
                        .update()
                == 1;
        if (created) {
            audit.record(
                    actor,
                    "alert_channel.create",
                    channel.name(),
                    null,
                    Map.of("kind", channel.kind(), "target", channel.target(), "has_secret", channel.secret() != null));
        }
        return created;
    }

    @Transactional
    boolean delete(String name, String actor) {
        boolean deleted =
                jdbc.sql("DELETE FROM alert_channel WHERE name = ?").param(name).update() == 1;
        if (deleted) {
            audit.record(actor, "alert_channel.delete", name, null, null);
        }
        return deleted;
    }

    private static Channel row(ResultSet rs, int n) throws SQLException {
        return new Channel(
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("target"),
                rs.getString("secret"),
                list(rs.getArray("use_cases")),
                list(rs.getArray("teams")));
    }

    private static List<String> list(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }
}
