package io.tokenwarden.ingest;

import java.util.List;
import org.springframework.http.HttpStatus;

record IngestResponse(long accepted, long duplicates, long rejected, List<ItemResult> results) {

    static IngestResponse of(List<ItemResult> results) {
        return new IngestResponse(
                count(results, ItemResult.ACCEPTED),
                count(results, ItemResult.DUPLICATE),
                count(results, ItemResult.REJECTED),
                results);
    }

    /** 207 when any item was rejected, so a client that only checks for 200 notices. */
    HttpStatus httpStatus() {
        return rejected > 0 ? HttpStatus.MULTI_STATUS : HttpStatus.OK;
    }

    private static long count(List<ItemResult> results, String status) {
        return results.stream().filter(r -> r.status().equals(status)).count();
    }
}
