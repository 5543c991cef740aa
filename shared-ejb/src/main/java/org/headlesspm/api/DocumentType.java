package org.headlesspm.api;

/** Kind of a document agents write to each other. */
public enum DocumentType {
  standup,
  critical_issue,
  service_status,
  update;

  public static DocumentType parse(String raw) {
    return WireEnum.parse(DocumentType.class, raw);
  }
}
