package org.headlesspm.api;

/** How an agent talks to the server; {@code ui} is the dashboard identity's. */
public enum ConnectionType {
  client,
  mcp,
  ui;

  public static ConnectionType parse(String raw) {
    return WireEnum.parse(ConnectionType.class, raw);
  }
}
