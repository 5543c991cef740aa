package org.headlesspm.api;

import jakarta.json.JsonObject;
import java.time.Instant;

/** One entry of the change feed; clients ignore types they do not know. */
public record ChangeEvent(String type, Instant timestamp, JsonObject data) {}
