package io.tokenwarden.ingest;

import io.tokenwarden.security.AppPrincipal;
import io.tokenwarden.web.BoundedJson;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * POST /api/v1/events. The body is read here rather than bound with @RequestBody so that its size
 * limit holds while reading and no event is ever coerced into a type it was not sent as.
 */
@RestController
class EventController {

    private final BoundedJson bodies;
    private final EventIngestion ingestion;

    EventController(BoundedJson bodies, EventIngestion ingestion) {
        this.bodies = bodies;
        this.ingestion = ingestion;
    }

    @PostMapping("/api/v1/events")
    ResponseEntity<IngestResponse> ingest(@AuthenticationPrincipal AppPrincipal app, HttpServletRequest request) {
        IngestResponse response = ingestion.ingest(app, Batch.items(bodies.read(request), "events"));
        return ResponseEntity.status(response.httpStatus()).body(response);
    }
}
