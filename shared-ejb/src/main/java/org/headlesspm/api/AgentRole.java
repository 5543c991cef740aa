package org.headlesspm.api;

/**
 * Role of an agent, and target role of a task. Legacy input {@code pm} means {@code project_pm}.
 * {@code ui_admin} belongs to the server-created dashboard identity only (API-ADDENDUM.md A4.1).
 */
public enum AgentRole {
  frontend_dev,
  backend_dev,
  qa,
  architect,
  project_pm,
  global_pm,
  ui_admin;

  public static AgentRole parse(String raw) {
    return WireEnum.parse(AgentRole.class, raw);
  }

  public boolean isPm() {
    return this == project_pm || this == global_pm;
  }

  /** The role of the dashboard identity: nobody registers with it and no task targets it. */
  public boolean isDashboard() {
    return this == ui_admin;
  }
}
