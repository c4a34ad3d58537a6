package io.tokenwarden.reconcile;

import io.tokenwarden.pricing.CatalogSnapshot;
import io.tokenwarden.pricing.InferenceGeo;
import io.tokenwarden.pricing.ServiceTier;
import io.tokenwarden.pricing.TokenUsage;
import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * Reads Anthropic Admin API reports into billed dollars per (UTC day, model). cost_report
 * amounts are decimal strings in cents; usage_report/messages token counts are priced with the
 * catalog (the bucket's start as the time, standard or batch tier as reported).
 */
final class BillReader {

    record DayModel(LocalDate day, String model) implements Comparable<DayModel> {
        @Override
        public int compareTo(DayModel o) {
            return java.util.Comparator.comparing(DayModel::day)
                    .thenComparing(DayModel::model)
                    .compare(this, o);
        }
    }

    private BillReader() {}

    static Map<DayModel, BigDecimal> costReport(JsonNode report, CatalogSnapshot catalog) {
        Map<DayModel, BigDecimal> billed = new TreeMap<>();
        forEachResult(report, (day, result) -> {
            JsonNode amount = result.path("amount");
            BigDecimal cents = amount.isString()
                    ? decimal(amount.stringValue())
                    : amount.isNumber() ? amount.decimalValue() : null;
            if (cents == null) {
                throw invalid("data.results.amount", "must be a decimal string of cents");
            }
            billed.merge(new DayModel(day, model(result, catalog)), cents.movePointLeft(2), BigDecimal::add);
        });
        return billed;
    }

    static Map<DayModel, BigDecimal> usageReport(JsonNode report, CatalogSnapshot catalog) {
        Map<DayModel, BigDecimal> billed = new TreeMap<>();
        forEachResult(report, (day, r) -> {
            long w5 = count(r.path("cache_creation"), "ephemeral_5m_input_tokens");
            long w1h = count(r.path("cache_creation"), "ephemeral_1h_input_tokens");
            TokenUsage usage = new TokenUsage(
                    count(r, "uncached_input_tokens"),
                    count(r, "output_tokens"),
                    w5 + w1h,
                    count(r, "cache_read_input_tokens"),
                    w5,
                    w1h,
                    count(r.path("server_tool_use"), "web_search_requests"),
                    new ServiceTier(
                            r.path("service_tier").asString("standard").isEmpty()
                                    ? "standard"
                                    : r.path("service_tier").asString("standard")),
                    InferenceGeo.fromWire(r.path("inference_geo").asString("global"))
                            .orElse(InferenceGeo.GLOBAL),
                    r.path("speed").asString(TokenUsage.STANDARD_SPEED),
                    java.util.List.of());
            BigDecimal cost = catalog.quote(
                            r.path("model").asString(""),
                            day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                            usage)
                    .cost();
            if (cost != null) {
                billed.merge(new DayModel(day, model(r, catalog)), cost, BigDecimal::add);
            }
        });
        return billed;
    }

    /** A token count as strictly as ingestion reads one: absent is 0; anything but an integer 0..100,000,000 is a 400. */
    private static long count(JsonNode parent, String field) {
        JsonNode value = parent.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return 0;
        }
        if (!value.isIntegralNumber()
                || !value.canConvertToLong()
                || value.longValue() < 0
                || value.longValue() > 100_000_000L) {
            throw invalid("data.results." + field, "must be an integer between 0 and 100000000");
        }
        return value.longValue();
    }

    private interface ResultConsumer {
        void accept(LocalDate day, JsonNode result);
    }

    private static void forEachResult(JsonNode report, ResultConsumer consumer) {
        if (!report.path("data").isArray()) {
            throw invalid("data", "must be the array of daily buckets the Admin API returns");
        }
        for (JsonNode bucket : report.path("data")) {
            LocalDate day;
            try {
                day = Instant.parse(bucket.path("starting_at").asString(""))
                        .atZone(ZoneOffset.UTC)
                        .toLocalDate();
            } catch (DateTimeParseException e) {
                throw invalid("data.starting_at", "must be an RFC 3339 timestamp");
            }
            for (JsonNode result : bucket.path("results")) {
                consumer.accept(day, result);
            }
        }
    }

    private static String model(JsonNode result, CatalogSnapshot catalog) {
        String name = result.path("model").asString("");
        if (name.isEmpty()) {
            return "(not attributed to a model)";
        }
        return catalog.resolve(name).map(m -> m.id()).orElse(name);
    }

    private static BigDecimal decimal(String text) {
        try {
            return text.length() > 40 ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ApiException invalid(String field, String message) {
        return ApiException.badRequest(List.of(new FieldError(field, message)));
    }
}
