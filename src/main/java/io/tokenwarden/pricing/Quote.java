package io.tokenwarden.pricing;

import java.math.BigDecimal;

/**
 * The price of one event. {@code modelId} is null when the model is unknown; {@code cost} and
 * {@code priceVersionId} are null when no price was in force: such an event is unpriced, never $0, and
 * {@code unpricedReason} says why ("no price for speed=fast on claude-opus-4-7 on 2026-06-01").
 */
public record Quote(String modelId, Long priceVersionId, BigDecimal cost, String unpricedReason) {

    public boolean priced() {
        return cost != null;
    }

    static Quote unpriced(String modelId, String reason) {
        return new Quote(modelId, null, null, reason);
    }
}
