package org.headlesspm.api;

/** Answer of a project deletion, with what went with it (counted before deletion). */
public record ProjectDeleted(String message, DeletedEntities deletedEntities) {

  public record DeletedEntities(
      long agents, long epics, long tasks, long documents, long services) {
    public long total() {
      return agents + epics + tasks + documents + services;
    }
  }
}
