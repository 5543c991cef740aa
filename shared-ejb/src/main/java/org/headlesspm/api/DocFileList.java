package org.headlesspm.api;

import java.util.List;

/** Answer of {@code GET /api/v1/projects/{id}/docs}. */
public record DocFileList(List<DocFile> files) {}
