package org.headlesspm.api;

/** State of a service an agent registered. */
public enum ServiceStatus {
  up,
  down,
  starting;

  public static ServiceStatus parse(String raw) {
    return WireEnum.parse(ServiceStatus.class, raw);
  }
}
