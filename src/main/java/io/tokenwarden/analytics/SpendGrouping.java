package io.tokenwarden.analytics;

import io.tokenwarden.web.ApiException;
import io.tokenwarden.web.FieldError;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The group_by values of the spend report and the SQL expression each groups by. */
record SpendGrouping(String name, String expression, String tagKey) {

    private static final Map<String, String> COLUMNS = Map.of(
            "use_case", "e.use_case",
            "model", "coalesce(e.model_id, e.model)",
            "app", "a.name",
            "day", "to_char(e.occurred_at AT TIME ZONE :zone, 'YYYY-MM-DD')");
    private static final Pattern TAG_KEY = Pattern.compile(".{1,64}");

    static SpendGrouping parse(String groupBy) {
        if (COLUMNS.containsKey(groupBy)) {
            return new SpendGrouping(groupBy, COLUMNS.get(groupBy), null);
        }
        if (groupBy.startsWith("tag:") && TAG_KEY.matcher(groupBy.substring(4)).matches()) {
            return new SpendGrouping(groupBy, "e.tags ->> :tag", groupBy.substring(4));
        }
        throw ApiException.badRequest(List.of(new FieldError("group_by",
                "must be one of use_case, model, app, day, tag:<key>")));
    }
}
