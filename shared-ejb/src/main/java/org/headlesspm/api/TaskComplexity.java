package org.headlesspm.api;

/** Minor tasks may go straight to the main branch; major ones need a pull request. */
public enum TaskComplexity {
  minor,
  major;

  public static TaskComplexity parse(String raw) {
    return WireEnum.parse(TaskComplexity.class, raw);
  }
}
