package org.headlesspm.dashboard.communications;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.headlesspm.api.AgentResponse;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.DocumentCreate;
import org.headlesspm.api.DocumentResponse;
import org.headlesspm.api.DocumentType;
import org.headlesspm.api.MentionResponse;
import org.headlesspm.dashboard.backend.Backend;
import org.headlesspm.dashboard.web.CurrentProject;
import org.headlesspm.dashboard.web.Forms;
import org.headlesspm.dashboard.web.Preferences;
import org.headlesspm.dashboard.web.ProjectData;

/** Communications {@code /communications}: documents, mentions, compose (DASHBOARD.md 3.5). */
@Named
@RequestScoped
public class CommunicationsPage {

  static final int MENTION_LIMIT = 200;

  @Inject Backend backend;
  @Inject CurrentProject current;
  @Inject ProjectData data;
  @Inject Preferences preferences;
  @Inject HttpServletRequest request;

  private List<DocumentResponse> documents = List.of();
  private List<MentionResponse> mentions = List.of();

  private String author;
  private String docType = "update";
  private String title;
  private String content;
  private boolean broadcast;

  @PostConstruct
  void load() {
    if (!current.isSelected()) {
      return;
    }
    long project = current.getId();
    documents = backend.read(api -> api.listDocuments(project, null, null, 1000), List.of());
    String role = param("role");
    Boolean unread = "1".equals(param("unread")) ? Boolean.TRUE : null;
    mentions =
        role != null
            ? backend.read(
                api ->
                    api.listMentionsByRole(project, AgentRole.parse(role), unread, MENTION_LIMIT),
                List.of())
            : backend.read(
                api -> api.listMentions(project, param("agent"), unread, MENTION_LIMIT), List.of());
    if (!Forms.isPostback()) {
      author = preferences.getActor();
    }
  }

  private String param(String name) {
    String value = request.getParameter(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  public String getTab() {
    String tab = param("tab");
    if (Forms.hasErrors()) {
      return "compose";
    }
    return tab != null && List.of("mentions", "compose").contains(tab) ? tab : "documents";
  }

  public List<DocumentResponse> getDocuments() {
    String q = param("q");
    String type = param("type");
    String by = param("author");
    return documents.stream()
        .filter(d -> type == null || type.equals(String.valueOf(d.docType())))
        .filter(d -> by == null || by.equals(d.authorId()))
        .filter(
            d ->
                q == null
                    || contains(d.title(), q)
                    || contains(d.content(), q)
                    || contains(d.authorId(), q))
        .toList();
  }

  public int getTotalDocuments() {
    return documents.size();
  }

  public long getDocumentsToday() {
    Instant since = Instant.now().minus(Duration.ofHours(24));
    return documents.stream()
        .filter(d -> d.createdAt() != null && d.createdAt().isAfter(since))
        .count();
  }

  public List<MentionResponse> getMentions() {
    String q = param("q");
    return mentions.stream()
        .filter(
            m ->
                q == null
                    || contains(m.mentionedAgentId(), q)
                    || contains(m.createdBy(), q)
                    || contains(m.documentTitle(), q)
                    || contains(m.taskTitle(), q))
        .toList();
  }

  public String getMentionTotal() {
    return mentions.size() >= MENTION_LIMIT
        ? MENTION_LIMIT + "+"
        : Integer.toString(mentions.size());
  }

  public long getUnreadMentions() {
    return mentions.stream().filter(m -> !m.isRead()).count();
  }

  private static boolean contains(String text, String needle) {
    return text != null && text.toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
  }

  /** A plain-text excerpt (~300 characters) of a document's Markdown. */
  public String excerpt(String markdown) {
    if (markdown == null) {
      return "";
    }
    String plain = markdown.replaceAll("[#*_`>\\[\\]]", "").replaceAll("\\s+", " ").strip();
    return plain.length() <= 300 ? plain : plain.substring(0, 299) + "…";
  }

  public DocumentType[] getTypes() {
    return new DocumentType[] {
      DocumentType.update,
      DocumentType.standup,
      DocumentType.critical_issue,
      DocumentType.service_status
    };
  }

  public List<AgentResponse> getAgents() {
    return data.agents();
  }

  /** Roles present among the project's agents, for the by-role mention filter. */
  public List<AgentRole> getRoles() {
    return data.agents().stream().map(AgentResponse::role).distinct().sorted().toList();
  }

  /** Handles Broadcast appends: every other agent of the project. */
  public List<String> getBroadcastHandles() {
    return data.agents().stream()
        .map(AgentResponse::agentId)
        .filter(id -> !id.equals(author))
        .toList();
  }

  public String getBroadcastPreview() {
    List<String> handles = getBroadcastHandles();
    return handles.isEmpty()
        ? "nobody"
        : String.join(" ", handles.stream().map(h -> "@" + h).toList());
  }

  public boolean isMayMarkRead(MentionResponse mention) {
    return mention.mentionedAgentId().equals(preferences.getActor());
  }

  public void create() {
    String body = content == null ? "" : content;
    if (broadcast && !getBroadcastHandles().isEmpty()) {
      body =
          body
              + "\n\n"
              + String.join(" ", getBroadcastHandles().stream().map(h -> "@" + h).toList());
    }
    try {
      DocumentResponse created =
          backend
              .api()
              .createDocument(
                  author,
                  current.getId(),
                  new DocumentCreate(DocumentType.parse(docType), title.strip(), body, null, null));
      Forms.redirect(
          "/communications?project="
              + current.getId()
              + "&created="
              + created.id()
              + "&mentioned="
              + java.net.URLEncoder.encode(
                  String.join(", ", created.mentions()), java.nio.charset.StandardCharsets.UTF_8));
    } catch (RuntimeException failure) {
      Forms.error("document-form", Backend.describe(failure));
    }
  }

  public String getAuthor() {
    return author;
  }

  public void setAuthor(String author) {
    this.author = author;
  }

  public String getDocType() {
    return docType;
  }

  public void setDocType(String docType) {
    this.docType = docType;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getContent() {
    return content;
  }

  public void setContent(String content) {
    this.content = content;
  }

  public boolean isBroadcast() {
    return broadcast;
  }

  public void setBroadcast(boolean broadcast) {
    this.broadcast = broadcast;
  }
}
