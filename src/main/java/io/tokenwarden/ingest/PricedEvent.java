package io.tokenwarden.ingest;

import io.tokenwarden.pricing.Quote;

record PricedEvent(UsageEventInput event, Quote quote) {}
