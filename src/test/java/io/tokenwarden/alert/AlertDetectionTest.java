package io.tokenwarden.alert;

import static io.tokenwarden.support.Events.costing;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenwarden.analytics.RollupJob;
import io.tokenwarden.support.Api;
import io.tokenwarden.support.Events;
import io.tokenwarden.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Detection on workloads whose answer is known: 60 days of hourly spend with a weekday/weekend rhythm and 15%
 * daily noise raise nothing, wherever the check runs; the same workload with one hour at 5x raises one spend_spike
 * at the first check after it, which resolves once the hour has passed. Budgets alert at 50% and 80%, once a month.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertDetectionTest {

    /** A Friday afternoon in 2023, far from the other tests' days. */
    static final Instant NOW = Instant.parse("2023-10-13T15:05:00Z");

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RollupJob rollupJob;

    @Autowired
    SpikeDetector spikes;

    @Autowired
    BudgetAndHistoryAlerts standing;

    @Autowired
    TransactionTemplate transaction;

    @BeforeAll
    void sixtyDays() {
        Random noise = new Random(17);
        List<Events> events = new ArrayList<>();
        Instant start = NOW.truncatedTo(ChronoUnit.HOURS).minus(60, ChronoUnit.DAYS);
        double dayFactor = 1;
        for (Instant hour = start;
                hour.isBefore(NOW.minus(1, ChronoUnit.HOURS));
                hour = hour.plus(1, ChronoUnit.HOURS)) {
            if (hour.atZone(ZoneOffset.UTC).getHour() == 0) {
                dayFactor = 0.85 + 0.30 * noise.nextDouble(); // +-15% from day to day
            }
            DayOfWeek day = hour.atZone(ZoneOffset.UTC).getDayOfWeek();
            double dollars = (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? 1.5 : 4.0) * dayFactor;
            String cost = BigDecimal.valueOf(dollars)
                    .setScale(6, java.math.RoundingMode.HALF_EVEN)
                    .toPlainString();
            events.add(costing(
                    "quiet-" + hour,
                    "alerts-quiet",
                    hour.plus(20, ChronoUnit.MINUTES).toString(),
                    cost));
            events.add(costing(
                    "spiky-" + hour,
                    "alerts-spiky",
                    hour.plus(20, ChronoUnit.MINUTES).toString(),
                    cost));
        }
        // the last hour before NOW: the quiet use case as usual, the spiky one at 5x its Friday level
        events.add(costing(
                "quiet-last", "alerts-quiet", NOW.minus(30, ChronoUnit.MINUTES).toString(), "4"));
        events.add(costing(
                "spiky-last", "alerts-spiky", NOW.minus(30, ChronoUnit.MINUTES).toString(), "20"));
        api.ingestAll(api.newApp().apiKey(), events);
        rollupJob.catchUp(Duration.ofSeconds(60));
    }

    @Test
    void aQuietWorkloadRaisesNothingAndAFiveFoldHourRaisesOneSpikeThatResolves() {
        for (Instant at = NOW.minus(7, ChronoUnit.DAYS);
                at.isBefore(NOW.minus(1, ChronoUnit.HOURS));
                at = at.plus(3, ChronoUnit.HOURS)) {
            Instant check = at;
            transaction.executeWithoutResult(status -> spikes.run(check));
        }
        assertThat(spikeAlerts("alerts-quiet")).isZero();
        assertThat(spikeAlerts("alerts-spiky")).as("quiet until the spike").isZero();

        transaction.executeWithoutResult(status -> spikes.run(NOW));
        transaction.executeWithoutResult(status -> spikes.run(NOW.plus(2, ChronoUnit.MINUTES)));

        assertThat(spikeAlerts("alerts-quiet")).isZero();
        assertThat(spikeAlerts("alerts-spiky")).isEqualTo(1);
        String summary = jdbc.sql("SELECT summary FROM alert WHERE kind = 'spend_spike' AND use_case = 'alerts-spiky'")
                .query(String.class)
                .single();
        // the last 60 minutes hold the usual event of 14:20 and the $20 one of 14:35
        assertThat(summary)
                .matches("\\$2\\d\\.\\d\\d spent on alerts-spiky in the last hour; this hour usually costs "
                        + "\\$\\d\\.\\d\\d \\(alert above \\$\\d+\\.\\d\\d\\)");

        transaction.executeWithoutResult(status -> spikes.run(NOW.plus(2, ChronoUnit.HOURS)));
        assertThat(jdbc.sql("SELECT status FROM alert WHERE kind = 'spend_spike' AND use_case = 'alerts-spiky'")
                        .query(String.class)
                        .single())
                .isEqualTo("resolved");
    }

    @Test
    void budgetThresholdsOpenOnceAMonthAndTheForecastAlertsWhenItCrossesTheBudget() {
        budget("alerts-budget");
        budget("alerts-forecast");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<Events> events = new ArrayList<>();
        events.add(costing(
                "budget-today",
                "alerts-budget",
                today.atStartOfDay().toInstant(ZoneOffset.UTC).plusSeconds(60).toString(),
                "85"));
        for (int day = 1; day <= 7; day++) { // $10 on each of the 7 full days before today
            events.add(costing(
                    "forecast-" + day,
                    "alerts-forecast",
                    today.minusDays(day)
                            .atStartOfDay()
                            .toInstant(ZoneOffset.UTC)
                            .plusSeconds(3600)
                            .toString(),
                    "10"));
        }
        api.ingestAll(api.newApp().apiKey(), events);
        rollupJob.catchUp(Duration.ofSeconds(30));

        transaction.executeWithoutResult(status -> standing.budgets(today));
        transaction.executeWithoutResult(status -> standing.budgets(today));

        String month = today.toString().substring(0, 7);
        assertThat(jdbc.sql("SELECT occasion FROM alert WHERE kind = 'budget_threshold' AND use_case = 'alerts-budget' "
                                + "AND status = 'open' ORDER BY occasion")
                        .query(String.class)
                        .list())
                .containsExactly(month + ":50", month + ":80");
        // forecast = month to date + $10 a day (the last 7 days' mean) for the days left: above $100 or not
        long monthToDate = 10L * Math.min(7, today.getDayOfMonth() - 1);
        long forecast = monthToDate + 10L * (today.lengthOfMonth() - today.getDayOfMonth());
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM alert WHERE kind = 'budget_forecast' AND use_case = 'alerts-forecast'")
                        .query(Long.class)
                        .single())
                .isEqualTo(forecast > 100 ? 1L : 0L);
    }

    private void budget(String useCase) {
        api.putAsAdmin("/api/v1/use-cases/" + useCase, "{\"monthly_budget_usd\": \"100\"}");
    }

    private long spikeAlerts(String useCase) {
        return jdbc.sql("SELECT count(*) FROM alert WHERE kind = 'spend_spike' AND use_case = ?")
                .param(useCase)
                .query(Long.class)
                .single();
    }
}
