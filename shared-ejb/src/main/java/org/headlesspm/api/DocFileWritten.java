package org.headlesspm.api;

/** Answer of a document file write: where the sanitised path put it. */
public record DocFileWritten(
    String path,
    String originalPath,
    String sanitizedPath,
    long size,
    boolean created,
    String message) {}
