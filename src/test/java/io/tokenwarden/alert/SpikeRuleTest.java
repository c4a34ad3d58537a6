package io.tokenwarden.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpikeRuleTest {

    @Test
    void quietHoursWithFifteenPercentNoiseNeverCrossAndAFiveFoldHourDoes() {
        Random random = new Random(7);
        int quietAlerts = 0;
        for (int trial = 0; trial < 1_000; trial++) {
            List<BigDecimal> baseline = new ArrayList<>();
            for (int day = 0; day < 20; day++) {
                baseline.add(noisy(random, 12));
            }
            BigDecimal threshold = SpikeRule.DEFAULT.threshold(baseline).orElseThrow();
            quietAlerts += noisy(random, 12).compareTo(threshold) > 0 ? 1 : 0;
            assertThat(new BigDecimal(60).compareTo(threshold)).as("5 x $12").isPositive();
        }
        assertThat(quietAlerts).isZero();
    }

    @Test
    void oneEarlierSpikeDoesNotRaiseTheBarAndSmallOrYoungUseCasesAreLeftAlone() {
        List<BigDecimal> withSpike = new ArrayList<>(List.of(
                new BigDecimal("10"),
                new BigDecimal("11"),
                new BigDecimal("9"),
                new BigDecimal("10"),
                new BigDecimal("12"),
                new BigDecimal("10"),
                new BigDecimal("500")));
        // median 10, deviations 0 1 1 0 2 0 490: MAD 1, x 1.4826 x 6 = 8.8956; 3 x median = 30
        assertThat(SpikeRule.DEFAULT.threshold(withSpike)).contains(new BigDecimal("30"));
        assertThat(SpikeRule.DEFAULT.threshold(withSpike.subList(0, 6)))
                .as("6 days: no baseline yet")
                .isEmpty();
        List<BigDecimal> cents = List.of(
                new BigDecimal("0.01"),
                new BigDecimal("0.01"),
                new BigDecimal("0.02"),
                new BigDecimal("0.01"),
                new BigDecimal("0.01"),
                new BigDecimal("0.01"),
                new BigDecimal("0.01"));
        assertThat(SpikeRule.DEFAULT.threshold(cents)).contains(BigDecimal.ONE);
    }

    private static BigDecimal noisy(Random random, int dollars) {
        return BigDecimal.valueOf(dollars).multiply(BigDecimal.valueOf(0.85 + 0.30 * random.nextDouble()));
    }
}
