package io.tokenwarden.pricing;

import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.FieldError;
import io.tokenwarden.web.JsonFields;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Reads the body of POST /api/v1/prices; every field error is reported at once. */
final class PriceRequestReader {

    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000");

    private PriceRequestReader() {}

    static NewPriceVersion read(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        NewPriceVersion request = JsonFields.object(body, "", errors)
                .map(PriceRequestReader::read)
                .orElse(null);
        if (!errors.isEmpty()) {
            throw ApiException.badRequest(errors);
        }
        return request;
    }

    private static NewPriceVersion read(JsonFields f) {
        String model = f.requiredString("model", 128, null, null);
        OffsetDateTime effectiveFrom = f.requiredTimestamp("effective_from");
        Rates standard = rates(f, "");
        Long threshold = f.optionalInteger("long_context_threshold", 1, 1_000_000_000L);
        Rates longContext = threshold == null ? null : rates(f, "long_context_");
        BigDecimal batch = Optional.ofNullable(
                        f.optionalDecimal("batch_multiplier", new BigDecimal("0.000001"), BigDecimal.ONE))
                .orElse(new BigDecimal("0.5"));
        BigDecimal webSearch = Optional.ofNullable(
                        f.optionalDecimal("web_search_per_request", BigDecimal.ZERO, MAX_PRICE))
                .orElse(new BigDecimal("0.01"));
        String tier = f.optionalEnum("tier", PriceRequestReader::tier, null, "haiku, sonnet, opus");
        Long minCache = f.optionalInteger("min_cacheable_tokens", 0, 1_000_000);
        BigDecimal geo = f.optionalDecimal("us_geo_multiplier", new BigDecimal("0.000001"), BigDecimal.TEN);
        if (model == null || effectiveFrom == null || standard == null || (threshold != null && longContext == null)) {
            return null;
        }
        PriceVersion version = new PriceVersion(
                0, model.trim(), effectiveFrom.toInstant(), standard, threshold, longContext, batch, webSearch);
        return new NewPriceVersion(version, tier, minCache == null ? null : minCache.intValue(), geo);
    }

    private static Rates rates(JsonFields f, String prefix) {
        BigDecimal input = price(f, prefix + "input_per_mtok");
        BigDecimal write5m = price(f, prefix + "cache_write_5m_per_mtok");
        BigDecimal write1h = price(f, prefix + "cache_write_1h_per_mtok");
        BigDecimal read = price(f, prefix + "cache_read_per_mtok");
        BigDecimal output = price(f, prefix + "output_per_mtok");
        if (input == null || write5m == null || write1h == null || read == null || output == null) {
            return null;
        }
        return new Rates(input, write5m, write1h, read, output);
    }

    private static BigDecimal price(JsonFields f, String name) {
        return f.requiredDecimal(name, BigDecimal.ZERO, MAX_PRICE);
    }

    private static Optional<String> tier(String value) {
        return List.of("haiku", "sonnet", "opus").contains(value) ? Optional.of(value) : Optional.empty();
    }
}
