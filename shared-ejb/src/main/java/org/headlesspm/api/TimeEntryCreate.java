package org.headlesspm.api;

/**
 * Body of {@code POST /api/v1/tasks/{id}/time} (E61): a duration such as {@code 1h 30m}, {@code
 * -15m} or {@code 2d} (working time: a day is 8 hours), or a number of minutes.
 */
public record TimeEntryCreate(String timeInput, String description) {}
