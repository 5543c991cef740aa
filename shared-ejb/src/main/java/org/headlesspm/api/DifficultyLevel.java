package org.headlesspm.api;

/** Skill level of an agent and difficulty of a task, ordered junior < senior < principal. */
public enum DifficultyLevel {
  junior,
  senior,
  principal;

  public static DifficultyLevel parse(String raw) {
    return WireEnum.parse(DifficultyLevel.class, raw);
  }

  /** An agent of this level may take a task of difficulty {@code task}. */
  public boolean canTake(DifficultyLevel task) {
    return task.compareTo(this) <= 0;
  }
}
