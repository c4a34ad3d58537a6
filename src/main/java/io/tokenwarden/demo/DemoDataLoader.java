package io.tokenwarden.demo;

import io.tokenwarden.alert.AlertJob;
import io.tokenwarden.analytics.AnomalyJob;
import io.tokenwarden.ingest.EventIngestion;
import io.tokenwarden.recommend.Kind;
import io.tokenwarden.recommend.Pilots;
import io.tokenwarden.recommend.RecommendationAnalysis;
import io.tokenwarden.recommend.Recommendations;
import io.tokenwarden.security.AppKeys;
import io.tokenwarden.security.AppPrincipal;
import io.tokenwarden.usecase.UseCaseSettings;
import io.tokenwarden.usecase.UseCases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * First start only: fills the app "demo" with 30 days of the demo workload through the same
 * ingestion path as POST /api/v1/events, then rolls up, scans for anomalies and recommends,
 * so a newcomer lands on full dashboards. Off with TOKENWARDEN_DEMO=false.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "tokenwarden.demo.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    static final String APP = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final int DAYS = 30;
    private static final int SPIKE_DAYS_AGO = 3;
    private static final int ROUTED_DAYS_AGO = 14;
    private static final int SPIKE_CALLS = 300;

    private final AppKeys appKeys;
    private final EventIngestion ingestion;
    private final UseCases useCases;
    private final AnomalyJob anomalies;
    private final RecommendationAnalysis recommendations;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final AlertJob alerts;
    private final Recommendations recommendationList;
    private final Pilots pilots;

    DemoDataLoader(
            AppKeys appKeys,
            EventIngestion ingestion,
            UseCases useCases,
            AnomalyJob anomalies,
            RecommendationAnalysis recommendations,
            JdbcClient jdbc,
            JsonMapper json,
            Clock clock,
            AlertJob alerts,
            Recommendations recommendationList,
            Pilots pilots) {
        this.alerts = alerts;
        this.recommendationList = recommendationList;
        this.pilots = pilots;
        this.appKeys = appKeys;
        this.ingestion = ingestion;
        this.useCases = useCases;
        this.anomalies = anomalies;
        this.recommendations = recommendations;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT count(*) FROM app WHERE name = ?")
                        .param(APP)
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        long started = System.nanoTime();
        log.info("Loading the demo workload (app '{}', {} days); set TOKENWARDEN_DEMO=false to skip it", APP, DAYS);
        AppPrincipal app =
                appKeys.authenticate(appKeys.createApp(APP, "demo").apiKey()).orElseThrow();
        long accepted = 0;
        Instant routedOn = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(ROUTED_DAYS_AGO));
        for (DemoUseCase useCase : DemoWorkload.useCases(routedOn)) {
            useCases.put(
                    new UseCaseSettings(
                            useCase.name(),
                            useCase.displayName(),
                            useCase.team(),
                            useCase.unit(),
                            useCase.valuePerUnit(),
                            useCase.budget(),
                            useCase.latencyClass(),
                            useCase.defaultTaskType()),
                    "demo");
            accepted += load(app, useCase);
            log.info("Demo: {} loaded ({} events so far)", useCase.name(), accepted);
        }
        accepted += ingestion.accept(app, spike());
        anomalies.catchUp(DAYS);
        recommendations.refresh();
        recommendations.markImplemented(
                "sql_assistant",
                Kind.MODEL_ROUTING,
                routedOn,
                "Demo: format conversion moved from Sonnet 4.6 to Haiku 4.5");
        accepted += pilot(app);
        alerts.check(clock.instant());
        log.info("Demo workload ready: {} events in {} s", accepted, (System.nanoTime() - started) / 1_000_000_000);
    }

    /** Ticket triage's routing recommendation, piloted on a quarter of its gateway traffic for two days. */
    private long pilot(AppPrincipal app) {
        return recommendationList.list(DemoPilot.USE_CASE, Kind.MODEL_ROUTING.wireName(), "open").stream()
                .findFirst()
                .map(r -> {
                    var started = pilots.setShare(r.id(), new java.math.BigDecimal("0.25"), "demo");
                    String target = String.valueOf(started.pilot().get("target_model"));
                    long accepted = ingestion.accept(app, DemoPilot.calls(r.id(), target, clock.instant(), json));
                    recommendations.refresh();
                    return accepted;
                })
                .orElse(0L);
    }

    private long load(AppPrincipal app, DemoUseCase useCase) {
        SplittableRandom random = new SplittableRandom(useCase.name().hashCode());
        Instant today = clock.instant().truncatedTo(ChronoUnit.DAYS);
        Instant latest = clock.instant().minus(Duration.ofMinutes(10));
        List<JsonNode> batch = new ArrayList<>();
        long accepted = 0;
        long n = 0;
        for (int day = DAYS - 1; day >= 0; day--) {
            int calls =
                    useCase.perDay() * (day == SPIKE_DAYS_AGO && useCase.name().equals("meeting_notes") ? 12 : 1);
            for (int i = 0; i < calls; i++) {
                long span = (useCase.lastHour() - useCase.firstHour() + 1) * 3600L;
                Instant at =
                        today.minus(Duration.ofDays(day)).plusSeconds(useCase.firstHour() * 3600L + span * i / calls);
                if (at.isAfter(latest)) {
                    break;
                }
                batch.add(event(useCase, new DemoUseCase.Call(n++, at, random)));
                if (batch.size() == 1000) {
                    accepted += ingestion.accept(app, batch);
                    batch.clear();
                }
            }
        }
        return batch.isEmpty() ? accepted : accepted + ingestion.accept(app, batch);
    }

    /** A runaway loop in ticket triage over the last half hour: 300 calls on top of its usual 33 an hour. */
    private List<JsonNode> spike() {
        DemoUseCase triage = DemoWorkload.useCases(Instant.EPOCH).stream()
                .filter(u -> u.name().equals("ticket_triage"))
                .findFirst()
                .orElseThrow();
        SplittableRandom random = new SplittableRandom(42);
        Instant start = clock.instant().minus(Duration.ofMinutes(40));
        List<JsonNode> calls = new ArrayList<>();
        for (int i = 0; i < SPIKE_CALLS; i++) {
            calls.add(event(triage, new DemoUseCase.Call(1_000_000L + i, start.plusSeconds(5L * i), random)));
        }
        return calls;
    }

    private ObjectNode event(DemoUseCase useCase, DemoUseCase.Call call) {
        ObjectNode event = json.createObjectNode();
        event.put("event_id", "demo-" + useCase.name() + "-" + call.n());
        event.put("occurred_at", call.at().toString());
        event.put("use_case", useCase.name());
        event.put("latency_class", useCase.latencyClass());
        useCase.shape().accept(call, event);
        event.putObject("tags").put("team", useCase.team()).put("env", "demo");
        return event;
    }
}
