package org.headlesspm.project;

/** A project was created; observers add what every project has, in the same transaction. */
public record ProjectCreated(long projectId) {}
