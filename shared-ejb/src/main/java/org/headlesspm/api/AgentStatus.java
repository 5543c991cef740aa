package org.headlesspm.api;

/** Idle agents are available; working ones hold a lock; offline ones lost theirs as stale. */
public enum AgentStatus {
  idle,
  working,
  offline;

  public static AgentStatus parse(String raw) {
    return WireEnum.parse(AgentStatus.class, raw);
  }
}
