package io.tokenwarden.pricing;

import java.math.BigDecimal;

/**
 * What a re-pricing did: events whose stored price changed (computed again to the same price does not count), the sum of their priced costs before and
 * after, and how many went from unpriced to priced (or back).
 */
public record Repriced(long events, BigDecimal costBefore, BigDecimal costAfter, long newlyPriced, long newlyUnpriced) {

    static final Repriced NONE = new Repriced(0, BigDecimal.ZERO, BigDecimal.ZERO, 0, 0);

    Repriced plus(Repriced other) {
        return new Repriced(
                events + other.events,
                costBefore.add(other.costBefore),
                costAfter.add(other.costAfter),
                newlyPriced + other.newlyPriced,
                newlyUnpriced + other.newlyUnpriced);
    }

    public BigDecimal change() {
        return costAfter.subtract(costBefore);
    }
}
