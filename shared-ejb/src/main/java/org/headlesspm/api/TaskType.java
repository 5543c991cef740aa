package org.headlesspm.api;

/**
 * Kind of task. {@code management} tasks are work for people and are never handed out by next-task
 * selection (API-ADDENDUM.md A4.3). {@code waiting} is a relic of an old upstream design: never
 * stored, never returned, refused as input.
 */
public enum TaskType {
  regular,
  management,
  waiting;

  /** Reads a stored or submitted value; {@code null} and {@code waiting} read as regular. */
  public static TaskType parseStored(String raw) {
    if (raw == null) {
      return regular;
    }
    TaskType type = WireEnum.parse(TaskType.class, raw);
    return type == waiting ? regular : type;
  }

  /** Reads a submitted value: {@code regular} or {@code management}; anything else is refused. */
  public static TaskType parseInput(String raw) {
    try {
      TaskType type = WireEnum.parse(TaskType.class, raw);
      if (type != waiting) {
        return type;
      }
    } catch (IllegalArgumentException unknown) {
      // same answer as for waiting
    }
    throw new IllegalArgumentException("Input should be 'regular' or 'management'");
  }
}
