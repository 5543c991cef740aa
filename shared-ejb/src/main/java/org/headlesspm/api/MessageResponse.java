package org.headlesspm.api;

/** {@code {"message": "..."}}. */
public record MessageResponse(String message) {}
