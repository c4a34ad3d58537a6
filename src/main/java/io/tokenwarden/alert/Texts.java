package io.tokenwarden.alert;

import tools.jackson.databind.JsonNode;

/** The one-line wording of an alert event, shared by Slack and e-mail. */
final class Texts {

    private Texts() {}

    static String headline(String event, JsonNode alert) {
        String what = switch (alert.path("kind").asString("")) {
            case "spend_spike" -> "Spend spike";
            case "daily_anomaly" -> "Unusual day of spend";
            case "budget_threshold" -> "Budget threshold reached";
            case "budget_forecast" -> "Forecast above budget";
            case "new_spend" -> "New spend";
            default -> "Alert";
        };
        String prefix = switch (event) {
            case "resolved" -> "Resolved: ";
            case "test" -> "Test: ";
            default -> "";
        };
        String amount = alert.path("amount_usd").asString(null);
        return prefix + what + " on " + alert.path("use_case").asString("")
                + (amount == null
                        ? ""
                        : " ($"
                                + new java.math.BigDecimal(amount)
                                        .setScale(2, java.math.RoundingMode.HALF_EVEN)
                                        .toPlainString()
                                + ")");
    }
}
