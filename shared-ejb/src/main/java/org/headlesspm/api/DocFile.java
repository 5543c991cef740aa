package org.headlesspm.api;

/** One file below a project's docs directory; {@code modified} is epoch seconds. */
public record DocFile(String name, String path, long size, double modified, boolean isDirectory) {}
