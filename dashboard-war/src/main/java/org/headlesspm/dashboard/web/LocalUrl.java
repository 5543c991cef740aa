package org.headlesspm.dashboard.web;

import jakarta.servlet.http.HttpServletRequest;

/** Where to go back after a form post: only paths of this dashboard, never another site. */
public final class LocalUrl {

  private LocalUrl() {}

  public static String orRoot(HttpServletRequest request, String back) {
    String root = request.getContextPath() + "/";
    if (back == null
        || !back.startsWith("/")
        || back.startsWith("//")
        || back.contains("\\")
        || back.contains("\r")
        || back.contains("\n")) {
      return root;
    }
    return back;
  }

  /** {@code url} with one query parameter added (the value must be URL-safe). */
  public static String with(String url, String name, String value) {
    return url + (url.contains("?") ? "&" : "?") + name + "=" + value;
  }
}
