package org.headlesspm.dashboard.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Markdown of task descriptions and documents as HTML. Raw HTML in the source is escaped and link
 * targets are sanitised, so a {@code <script>} or {@code onerror} payload stays text (DASHBOARD.md
 * D2).
 */
@Named("markdown")
@ApplicationScoped
public class Markdown {

  private final Parser parser = Parser.builder().build();
  private final HtmlRenderer renderer =
      HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

  public String html(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    return renderer.render(parser.parse(markdown));
  }
}
