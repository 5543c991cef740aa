package org.headlesspm.api;

/** Body of {@code POST /api/v1/epics}. */
public record EpicCreate(String name, String description) {}
