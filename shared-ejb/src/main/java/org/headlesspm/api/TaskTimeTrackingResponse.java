package org.headlesspm.api;

import java.util.List;

/** Every time entry of a task, newest first, with their sum (E62). */
public record TaskTimeTrackingResponse(
    long totalMinutes, String totalFormatted, List<TimeEntryResponse> entries) {}
