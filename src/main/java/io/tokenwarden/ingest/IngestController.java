package io.tokenwarden.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.tokenwarden.security.AppPrincipal;
import io.tokenwarden.web.BoundedJson;
import io.tokenwarden.web.JsonAnswers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
    private final JsonAnswers answers;
    private final EventIngestion events;
    private final OutcomeIngestion outcomes;

    IngestController(BoundedJson bodies, JsonAnswers answers, EventIngestion events, OutcomeIngestion outcomes) {
        this.bodies = bodies;
        this.answers = answers;
        this.events = events;
        this.outcomes = outcomes;
    }

    @PostMapping("/api/v1/events")
    @Operation(
            summary = "Ingest usage events",
            security = @SecurityRequirement(name = "appKey"),
            description =
                    "200 when every event is accepted or a duplicate, 207 when any is rejected; one result per event.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(oneOf = {EventDocs.UsageEvent.class, EventDocs.EventBatch.class}),
                            examples = @ExampleObject(name = "readme", value = EventDocs.README_EXAMPLE)))
    @ApiResponse(
            responseCode = "200",
            description = "Every event accepted or a duplicate",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IngestResponse.class)))
    @ApiResponse(
            responseCode = "207",
            description = "At least one event rejected",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IngestResponse.class)))
    void events(@AuthenticationPrincipal AppPrincipal app, HttpServletRequest request, HttpServletResponse response) {
        respond(response, events.ingest(app, Batch.items(bodies.read(request), "events")));
    }

    @PostMapping("/api/v1/outcomes")
    @Operation(summary = "Ingest business outcomes", security = @SecurityRequirement(name = "appKey"))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(implementation = EventDocs.Outcome.class)))
    @ApiResponse(
            responseCode = "200",
            description = "Every outcome accepted or a duplicate",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IngestResponse.class)))
    @ApiResponse(
            responseCode = "207",
            description = "At least one outcome rejected",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IngestResponse.class)))
    void outcomes(@AuthenticationPrincipal AppPrincipal app, HttpServletRequest request, HttpServletResponse response) {
        respond(response, outcomes.ingest(app, Batch.items(bodies.read(request), "outcomes")));
    }

    private void respond(HttpServletResponse response, IngestResponse body) {
        answers.write(response, body.httpStatus(), body);
    }
}
