package io.tokenwarden.alert;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * When an hour's spend is a spike: above a robust baseline of the same hour on earlier days of the same kind
 * (weekday or weekend). The baseline is the median, its spread the median absolute deviation scaled to a standard
 * deviation (x 1.4826), so one earlier spike does not raise the bar. A spike is above median + 6 spreads, at least
 * 3 x the median, and at least the minimum ($1); with fewer than 7 earlier days there is no baseline yet.
 */
record SpikeRule(BigDecimal minimum, int minDays, BigDecimal spreads, BigDecimal ratio) {

    static final SpikeRule DEFAULT = new SpikeRule(BigDecimal.ONE, 7, BigDecimal.valueOf(6), BigDecimal.valueOf(3));
    private static final BigDecimal MAD_TO_SD = new BigDecimal("1.4826");

    /** The spend above which this hour is a spike; empty without enough history. */
    Optional<BigDecimal> threshold(List<BigDecimal> baseline) {
        if (baseline.size() < minDays) {
            return Optional.empty();
        }
        BigDecimal median = median(baseline);
        List<BigDecimal> deviations = new ArrayList<>();
        baseline.forEach(value -> deviations.add(value.subtract(median).abs()));
        BigDecimal spread = median(deviations).multiply(MAD_TO_SD);
        BigDecimal robust = median.add(spread.multiply(spreads));
        return Optional.of(robust.max(median.multiply(ratio)).max(minimum));
    }

    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1
                ? sorted.get(middle)
                : sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.valueOf(2), MathContext.DECIMAL128);
    }
}
