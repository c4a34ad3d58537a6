package io.tokenwarden.dashboard;

import java.math.BigDecimal;

/** One line of the features list. {@code trendPercent} is null without spend last month. */
record FeatureRow(
        String useCase,
        String displayName,
        String ownerTeam,
        BigDecimal spend,
        BigDecimal previousSpend,
        BigDecimal trendPercent,
        String topModel,
        BigDecimal topModelShare,
        BigDecimal openSavings) {}
