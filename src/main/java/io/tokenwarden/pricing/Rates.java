package io.tokenwarden.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/** The five prices, in dollars per million tokens. Equal when every price is numerically equal. */
public record Rates(
        BigDecimal input, BigDecimal cacheWrite5m, BigDecimal cacheWrite1h, BigDecimal cacheRead, BigDecimal output) {

    public Rates {
        Objects.requireNonNull(input);
        Objects.requireNonNull(cacheWrite5m);
        Objects.requireNonNull(cacheWrite1h);
        Objects.requireNonNull(cacheRead);
        Objects.requireNonNull(output);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Rates r
                && input.compareTo(r.input) == 0
                && cacheWrite5m.compareTo(r.cacheWrite5m) == 0
                && cacheWrite1h.compareTo(r.cacheWrite1h) == 0
                && cacheRead.compareTo(r.cacheRead) == 0
                && output.compareTo(r.output) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                input.stripTrailingZeros(),
                cacheWrite5m.stripTrailingZeros(),
                cacheWrite1h.stripTrailingZeros(),
                cacheRead.stripTrailingZeros(),
                output.stripTrailingZeros());
    }
}
