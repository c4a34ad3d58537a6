package io.tokenwarden.ingest;

import io.tokenwarden.security.AppPrincipal;
import io.tokenwarden.web.BoundedJson;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class OutcomeController {

    private final BoundedJson bodies;
    private final OutcomeIngestion ingestion;

    OutcomeController(BoundedJson bodies, OutcomeIngestion ingestion) {
        this.bodies = bodies;
        this.ingestion = ingestion;
    }

    @PostMapping("/api/v1/outcomes")
    ResponseEntity<IngestResponse> ingest(@AuthenticationPrincipal AppPrincipal app, HttpServletRequest request) {
        IngestResponse response = ingestion.ingest(app, Batch.items(bodies.read(request), "outcomes"));
        return ResponseEntity.status(response.httpStatus()).body(response);
    }
}
