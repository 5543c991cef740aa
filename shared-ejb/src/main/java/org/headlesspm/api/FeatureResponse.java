package org.headlesspm.api;

/** A feature of an epic. */
public record FeatureResponse(long id, long epicId, String name, String description) {}
