package org.headlesspm.dashboard.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.io.IOException;
import java.io.UncheckedIOException;

/** What the page beans' form actions share: messages under fields, and redirect after post. */
public final class Forms {

  private Forms() {}

  /** An error shown by {@code <h:message for="clientId">} (null: the form's general message). */
  public static void error(String clientId, String text) {
    FacesContext.getCurrentInstance()
        .addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
  }

  public static boolean hasErrors() {
    FacesContext context = FacesContext.getCurrentInstance();
    return context != null
        && (context.isValidationFailed()
            || context.getMessageList().stream()
                .anyMatch(m -> m.getSeverity() == FacesMessage.SEVERITY_ERROR));
  }

  public static boolean isPostback() {
    FacesContext context = FacesContext.getCurrentInstance();
    return context != null && context.isPostback();
  }

  /** Post/redirect/get: the browser lands on a bookmarkable URL (relative to the context root). */
  public static void redirect(String path) {
    FacesContext context = FacesContext.getCurrentInstance();
    try {
      context
          .getExternalContext()
          .redirect(context.getExternalContext().getRequestContextPath() + path);
      context.responseComplete();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String trimmed(String value) {
    return value == null ? null : value.strip();
  }

  /** Blank becomes null: the API then applies its own default. */
  public static String orNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
