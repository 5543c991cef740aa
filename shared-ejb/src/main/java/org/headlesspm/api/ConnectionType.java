package org.headlesspm.api;

/** How an agent talks to the server. */
public enum ConnectionType {
  client,
  mcp;

  public static ConnectionType parse(String raw) {
    return WireEnum.parse(ConnectionType.class, raw);
  }
}
