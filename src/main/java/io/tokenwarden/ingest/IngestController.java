package io.tokenwarden.ingest;

import io.tokenwarden.security.AppPrincipal;
import io.tokenwarden.web.BoundedJson;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/v1/events and /api/v1/outcomes. Bodies are read here rather than bound with
 * {@code @RequestBody} so that the size limit holds while reading and no value is ever coerced
 * into a type it was not sent as.
 */
@RestController
class IngestController {

    private final BoundedJson bodies;
    private final EventIngestion events;
    private final OutcomeIngestion outcomes;

    IngestController(BoundedJson bodies, EventIngestion events, OutcomeIngestion outcomes) {
        this.bodies = bodies;
        this.events = events;
        this.outcomes = outcomes;
    }

    @PostMapping("/api/v1/events")
    ResponseEntity<IngestResponse> events(@AuthenticationPrincipal AppPrincipal app, HttpServletRequest request) {
        return respond(events.ingest(app, Batch.items(bodies.read(request), "events")));
    }

    @PostMapping("/api/v1/outcomes")
    ResponseEntity<IngestResponse> outcomes(@AuthenticationPrincipal AppPrincipal app, HttpServletRequest request) {
        return respond(outcomes.ingest(app, Batch.items(bodies.read(request), "outcomes")));
    }

    private static ResponseEntity<IngestResponse> respond(IngestResponse response) {
        return ResponseEntity.status(response.httpStatus()).body(response);
    }
}
