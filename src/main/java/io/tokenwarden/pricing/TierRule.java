package io.tokenwarden.pricing;

/** How one service tier is priced: as {@code standard}, or as {@code batch} (the version's batch multiplier). */
public record TierRule(String tier, String pricedAs, String note, String source) {

    static final String BATCH = "batch";

    boolean batch() {
        return BATCH.equals(pricedAs);
    }
}
