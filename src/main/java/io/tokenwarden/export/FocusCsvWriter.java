package io.tokenwarden.export;

import io.tokenwarden.pricing.TokenType;
import io.tokenwarden.usecase.UseCaseSettings;
import io.tokenwarden.usecase.UseCases;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import tools.jackson.databind.json.JsonMapper;

/** Writes the FOCUS 1.2 columns; Tags carry the use case and its team, x_ columns Tokenwarden's own dimensions. */
final class FocusCsvWriter {

    static final String[] HEADER = {
        "BilledCost",
        "EffectiveCost",
        "ListCost",
        "ContractedCost",
        "BillingCurrency",
        "ChargePeriodStart",
        "ChargePeriodEnd",
        "ChargeCategory",
        "ChargeDescription",
        "PricingQuantity",
        "PricingUnit",
        "ConsumedQuantity",
        "ConsumedUnit",
        "ServiceName",
        "ServiceCategory",
        "ProviderName",
        "PublisherName",
        "InvoiceIssuerName",
        "SkuId",
        "Tags",
        "x_UseCase",
        "x_Model",
        "x_TokenType",
        "x_ServiceTier"
    };

    private FocusCsvWriter() {}

    static void write(
            Map<FocusCsvExport.Key, FocusCsvExport.Sums> rows,
            Map<String, UseCaseSettings> settings,
            ZoneId zone,
            JsonMapper json,
            Writer out)
            throws IOException {
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (Map.Entry<FocusCsvExport.Key, FocusCsvExport.Sums> row : rows.entrySet()) {
                FocusCsvExport.Key k = row.getKey();
                FocusCsvExport.Sums s = row.getValue();
                boolean requests = k.type() == TokenType.WEB_SEARCH;
                BigDecimal pricingQuantity = requests
                        ? BigDecimal.valueOf(s.quantity)
                        : BigDecimal.valueOf(s.quantity).movePointLeft(6);
                Map<String, String> tags = new LinkedHashMap<>();
                tags.put("use_case", k.useCase());
                String team = UseCases.of(settings, k.useCase()).ownerTeam();
                if (team != null) {
                    tags.put("team", team);
                }
                String billed = s.billed.toPlainString();
                csv.printRecord(
                        billed,
                        billed,
                        s.list.toPlainString(),
                        billed,
                        "USD",
                        k.day().atStartOfDay(zone).toInstant(),
                        k.day().plusDays(1).atStartOfDay(zone).toInstant(),
                        "Usage",
                        k.model() + " " + k.type().wireName() + " (" + k.tier() + ")",
                        pricingQuantity.toPlainString(),
                        requests ? "Requests" : "1M Tokens",
                        s.quantity,
                        requests ? "Requests" : "Tokens",
                        "Claude API",
                        "AI and Machine Learning",
                        "Anthropic",
                        "Anthropic",
                        "Anthropic",
                        k.model() + ":" + k.type().wireName(),
                        json.writeValueAsString(tags),
                        k.useCase(),
                        k.model(),
                        k.type().wireName(),
                        k.tier());
            }
        }
    }
}
