package org.headlesspm.api;

/**
 * Workflow status of a task. Legacy input {@code evaluation} means {@code qa_done} and {@code
 * approved} means {@code committed}.
 */
public enum TaskStatus {
  pending,
  created,
  under_work,
  dev_done,
  qa_done,
  documentation_done,
  committed;

  public static TaskStatus parse(String raw) {
    return WireEnum.parse(TaskStatus.class, raw);
  }

  /** Locks may be taken in any status but these two (API.md 4.4.1). */
  public boolean isLockable() {
    return this != pending && this != committed;
  }

  /** Counted as "in progress" by epic summaries. */
  public boolean isInProgress() {
    return this == under_work || this == dev_done || this == qa_done || this == documentation_done;
  }
}
