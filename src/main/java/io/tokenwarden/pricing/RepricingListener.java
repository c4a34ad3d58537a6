package io.tokenwarden.pricing;

/**
 * Told around every re-pricing, in the re-pricing's transaction, so that whatever was summed from the events' old
 * prices (the rollups) can take them out before and put them back after. Analytics implements it; pricing knows
 * nothing of rollups.
 */
public interface RepricingListener {

    /** Before the events change cost or model. */
    void beforeRepricing(Long[] eventIds);

    /** After the change: the same events, with their new cost and model. */
    void afterRepricing(Long[] eventIds);
}
