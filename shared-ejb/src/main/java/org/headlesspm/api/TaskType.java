package org.headlesspm.api;

/**
 * Response-only: every task of this API is {@code regular}; {@code waiting} is an upstream relic.
 */
public enum TaskType {
  regular,
  waiting
}
