package org.headlesspm.api;

/** Body of {@code POST /api/v1/features}. */
public record FeatureCreate(Long epicId, String name, String description) {}
