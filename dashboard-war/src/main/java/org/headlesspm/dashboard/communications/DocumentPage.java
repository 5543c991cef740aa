package org.headlesspm.dashboard.communications;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.DocumentResponse;
import org.headlesspm.dashboard.backend.Backend;

/** Document detail {@code /documents/{id}} (DASHBOARD.md 3.5). */
@Named
@RequestScoped
public class DocumentPage {

  @Inject Backend backend;
  @Inject HttpServletRequest request;

  private DocumentResponse document;
  private boolean notFound;

  @PostConstruct
  void load() {
    String id = org.headlesspm.dashboard.web.DeepLinkFilter.id(request);
    if (id == null || !id.matches("\\d{1,18}")) {
      notFound = true;
      return;
    }
    try {
      document = backend.api().getDocument(Long.parseLong(id));
    } catch (ApiError error) {
      notFound = error.status() == 404;
    } catch (RuntimeException unreachable) {
      backend.read(api -> api.getDocument(Long.parseLong(id)), null);
    }
  }

  public DocumentResponse getDocument() {
    return document;
  }

  public boolean isNotFound() {
    return notFound;
  }

  public String getId() {
    return org.headlesspm.dashboard.web.DeepLinkFilter.id(request);
  }
}
