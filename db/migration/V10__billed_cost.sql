-- What Anthropic billed, per day and model, from an uploaded Admin API cost_report (or a usage_report
-- priced with the catalog). A new upload replaces the days and models it covers.
CREATE TABLE billed_cost (
    day         date NOT NULL,
    model       text NOT NULL, -- the catalog model, or the name as billed when unknown
    amount      numeric NOT NULL, -- dollars
    source      text NOT NULL CHECK (source IN ('cost_report', 'usage_report')),
    uploaded_at timestamptz NOT NULL DEFAULT now(),
    uploaded_by text NOT NULL,
    PRIMARY KEY (day, model)
);
