package io.tokenwarden.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tokenwarden.pricing.CatalogSnapshot;
import io.tokenwarden.pricing.TestCatalog;
import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.BoundedJson;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import tools.jackson.databind.JsonNode;

/**
 * Coverage-guided fuzzing of what POST /api/v1/events does before the database: parse the body
 * with the bounded parser, split the batch, validate every event and price the valid ones. The
 * only failure allowed is an {@link ApiException} with a 4xx status (the controller maps it); a
 * rejected event must say which field and why.
 *
 * <p>{@code ./mvnw test} replays the committed corpus under
 * {@code src/test/resources/io/tokenwarden/ingest/EventDecoderFuzzTestInputs}; {@code JAZZER_FUZZ=1
 * ./mvnw test -Dtest=EventDecoderFuzzTest} fuzzes for real (see RELIABILITY.md).
 */
class EventDecoderFuzzTest {

    private static final BoundedJson BODIES = new BoundedJson();
    private static final EventValidator VALIDATOR =
            new EventValidator(Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC));
    private static final CatalogSnapshot PRICES = TestCatalog.designPrices();

    @FuzzTest(maxDuration = "2m")
    void decodingAndValidatingNeverFailsOtherThanWith4xx(byte[] body) {
        try {
            JsonNode json = BODIES.parse(body);
            for (JsonNode item : Batch.items(json, "events")) {
                check(VALIDATOR.validate(item));
            }
        } catch (ApiException rejected) {
            assertThat(rejected.status().is4xxClientError())
                    .as(rejected.summary())
                    .isTrue();
            assertThat(rejected.errors()).isNotEmpty();
        }
    }

    private static void check(Checked<UsageEventInput> event) {
        if (!event.isValid()) {
            assertThat(event.errors())
                    .isNotEmpty()
                    .allSatisfy(error -> assertThat(error.message()).isNotBlank());
            return;
        }
        UsageEventInput valid = event.value();
        assertThat(PRICES.quote(valid.model(), valid.occurredAt(), valid.usage()))
                .isNotNull();
    }
}
