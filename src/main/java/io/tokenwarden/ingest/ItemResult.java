package io.tokenwarden.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import io.tokenwarden.web.FieldError;
import java.util.List;

/** One entry of the response's {@code results}, in request order. */
@Schema(oneOf = {ItemResult.PricedItem.class, ItemResult.OutcomeItem.class, ItemResult.RejectedItem.class})
sealed interface ItemResult {

    String ACCEPTED = "accepted";
    String DUPLICATE = "duplicate";
    String REJECTED = "rejected";

    String status();

    /** {@code unpricedReason} says why an event has no price ("no price for speed=fast on ..."); absent when priced. */
    record PricedItem(
            int index,
            String eventId,
            String status,
            String costUsd,
            boolean priced,
            @JsonInclude(JsonInclude.Include.NON_NULL) String unpricedReason)
            implements ItemResult {}

    record OutcomeItem(int index, String outcomeId, String status) implements ItemResult {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RejectedItem(int index, String eventId, String outcomeId, String status, List<FieldError> errors)
            implements ItemResult {}
}
