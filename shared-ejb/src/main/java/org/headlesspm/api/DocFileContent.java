package org.headlesspm.api;

/** A UTF-8 project document as read back. */
public record DocFileContent(String path, String content, long size, double modified) {}
