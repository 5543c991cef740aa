package org.headlesspm.api;

import java.time.Instant;
import java.util.List;

/** What happened after {@code since}; pass {@code last_timestamp} as the next {@code since}. */
public record ChangesResponse(List<ChangeEvent> changes, Instant lastTimestamp) {}
