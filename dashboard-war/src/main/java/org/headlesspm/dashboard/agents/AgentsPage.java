package org.headlesspm.dashboard.agents;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.headlesspm.api.AgentAvailabilityResponse;
import org.headlesspm.api.AgentResponse;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.AgentStatus;
import org.headlesspm.api.ChangeEvent;
import org.headlesspm.api.ChangelogResponse;
import org.headlesspm.api.ChangesResponse;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.dashboard.backend.Backend;
import org.headlesspm.dashboard.web.CurrentProject;
import org.headlesspm.dashboard.web.Format;
import org.headlesspm.dashboard.web.Presence;
import org.headlesspm.dashboard.web.ProjectData;

/** Agents {@code /agents}: presence, availability, filters and the live feed (DASHBOARD.md 3.4). */
@Named
@RequestScoped
public class AgentsPage {

  /** An agent with its availability (the two API lists merged by agent_id). */
  public record Agent(
      AgentResponse agent, AgentAvailabilityResponse availability, String presence) {
    public boolean isWorking() {
      return availability != null && availability.status() == AgentStatus.working;
    }
  }

  /** One event of the live feed, with its priority (high, medium, low). */
  public record FeedEvent(Instant at, String title, String detail, String priority, String href) {}

  @Inject Backend backend;
  @Inject CurrentProject current;
  @Inject ProjectData data;
  @Inject HttpServletRequest request;

  private List<Agent> agents = List.of();
  private List<AgentAvailabilityResponse> availability = List.of();

  @PostConstruct
  void load() {
    if (!current.isSelected()) {
      return;
    }
    long project = current.getId();
    availability =
        backend.read(
            api -> api.listAvailability(project, null), List.<AgentAvailabilityResponse>of());
    Instant now = Instant.now();
    agents =
        data.agents().stream()
            .map(
                a ->
                    new Agent(
                        a,
                        availability.stream()
                            .filter(v -> v.agentId().equals(a.agentId()))
                            .findFirst()
                            .orElse(null),
                        Presence.of(a.lastSeen(), now).name().toLowerCase(Locale.ROOT)))
            .sorted(
                Comparator.comparing((Agent a) -> !"online".equals(a.presence()))
                    .thenComparing(
                        a -> a.agent().lastSeen(), Comparator.nullsLast(Comparator.reverseOrder())))
            .toList();
  }

  private String param(String name) {
    String value = request.getParameter(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  public List<Agent> getFiltered() {
    String q = param("q");
    String role = param("role");
    String level = param("level");
    String conn = param("conn");
    String presence = param("presence");
    return agents.stream()
        .filter(
            a ->
                q == null
                    || a.agent()
                        .agentId()
                        .toLowerCase(Locale.ROOT)
                        .contains(q.toLowerCase(Locale.ROOT)))
        .filter(a -> role == null || role.equals(String.valueOf(a.agent().role())))
        .filter(a -> level == null || level.equals(String.valueOf(a.agent().level())))
        .filter(a -> conn == null || conn.equals(String.valueOf(a.agent().connectionType())))
        .filter(
            a ->
                presence == null
                    || ("working".equals(presence)
                        ? a.isWorking()
                        : "offline".equals(presence)
                            ? !"online".equals(a.presence())
                            : presence.equals(a.presence())))
        .toList();
  }

  /** Active filters as name → value, each removable through {@link #without}. */
  public Map<String, String> getChips() {
    Map<String, String> chips = new LinkedHashMap<>();
    for (String name : List.of("q", "presence", "role", "level", "conn")) {
      if (param(name) != null) {
        chips.put(name, param(name));
      }
    }
    return chips;
  }

  public String without(String name) {
    StringBuilder url =
        new StringBuilder(request.getContextPath() + "/agents?project=" + current.getId());
    getChips()
        .forEach(
            (key, value) -> {
              if (!key.equals(name)) {
                url.append('&')
                    .append(key)
                    .append('=')
                    .append(
                        java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
              }
            });
    return url.toString();
  }

  public List<Agent> getAgents() {
    return agents;
  }

  public long getOnline() {
    return agents.stream().filter(a -> "online".equals(a.presence())).count();
  }

  public long getWorking() {
    return agents.stream().filter(Agent::isWorking).count();
  }

  public long count(String what) {
    return switch (what) {
      case "junior", "senior", "principal" ->
          agents.stream().filter(a -> what.equals(String.valueOf(a.agent().level()))).count();
      case "mcp", "client" ->
          agents.stream()
              .filter(a -> what.equals(String.valueOf(a.agent().connectionType())))
              .count();
      default -> 0;
    };
  }

  /** Tasks moved to committed today and yesterday (UTC), from the changelog. */
  public long committedOn(int daysAgo) {
    LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(daysAgo);
    return changelog().stream()
        .filter(
            c ->
                c.newStatus() == TaskStatus.committed
                    && !Format.isCreation(c)
                    && c.changedAt() != null)
        .filter(c -> LocalDate.ofInstant(c.changedAt(), ZoneOffset.UTC).equals(day))
        .count();
  }

  private List<ChangelogResponse> changelog;

  private List<ChangelogResponse> changelog() {
    if (changelog == null) {
      changelog =
          current.isSelected()
              ? backend.read(
                  api -> api.changelog(500, current.getId(), null), List.<ChangelogResponse>of())
              : List.of();
    }
    return changelog;
  }

  /** The availability panel, filtered by role on the server ({@code ?availRole=}). */
  public List<AgentAvailabilityResponse> getAvailability() {
    String role = param("availRole");
    if (role == null) {
      return availability.stream()
          .filter(a -> agents.stream().anyMatch(ag -> ag.agent().agentId().equals(a.agentId())))
          .toList();
    }
    return backend
        .read(
            api -> api.listAvailability(current.getId(), AgentRole.parse(role)),
            List.<AgentAvailabilityResponse>of())
        .stream()
        .filter(a -> !"dashboard-user".equals(a.agentId()))
        .toList();
  }

  public long availabilityCount(String status) {
    return getAvailability().stream()
        .filter(
            a ->
                "available".equals(status)
                    ? a.isAvailable()
                    : String.valueOf(a.status()).equals(status))
        .count();
  }

  /** The last day's changes of the project, newest first, with priorities (DASHBOARD.md 3.4). */
  public List<FeedEvent> getFeed() {
    if (!current.isSelected()) {
      return List.of();
    }
    ChangesResponse changes =
        backend.read(
            api ->
                api.changes(Instant.now().minusSeconds(86_400), current.getId(), "dashboard-user"),
            null);
    List<FeedEvent> events = new ArrayList<>();
    if (changes != null) {
      for (ChangeEvent change : changes.changes()) {
        events.add(feedEvent(change));
      }
    }
    events.sort(
        Comparator.comparing(FeedEvent::at, Comparator.nullsLast(Comparator.reverseOrder())));
    return events.stream().limit(50).toList();
  }

  /** Task moves backwards and critical issues are high, documents medium, forward moves low. */
  private FeedEvent feedEvent(ChangeEvent change) {
    var data = change.data();
    if (change.type().startsWith("document")) {
      String type = data.getString("doc_type", "");
      return new FeedEvent(
          change.timestamp(),
          (change.type().endsWith("created") ? "New " : "Updated ")
              + type
              + ": "
              + data.getString("title", ""),
          "by " + data.getString("author_id", ""),
          "critical_issue".equals(type) ? "high" : "medium",
          "/documents/" + data.getJsonNumber("document_id"));
    }
    TaskStatus from = TaskStatus.parse(data.getString("old_status", "created"));
    TaskStatus to = TaskStatus.parse(data.getString("new_status", "created"));
    String move = from == to ? "created" : from + " → " + to;
    return new FeedEvent(
        change.timestamp(),
        "#" + data.getJsonNumber("task_id") + " " + data.getString("title", ""),
        move + " by " + data.getString("changed_by", ""),
        to.ordinal() < from.ordinal() ? "high" : "low",
        "/tasks/" + data.getJsonNumber("task_id"));
  }

  public AgentRole[] getRoles() {
    return java.util.Arrays.stream(AgentRole.values())
        .filter(r -> r != AgentRole.ui_admin)
        .toArray(AgentRole[]::new);
  }

  public DifficultyLevel[] getLevels() {
    return DifficultyLevel.values();
  }

  public boolean isFeedPaused() {
    return request.getParameter("feed") != null && "paused".equals(request.getParameter("feed"));
  }
}
