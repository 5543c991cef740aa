package org.headlesspm.mcp.tools;

import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.headlesspm.api.AgentRegistration;
import org.headlesspm.api.AgentRegistrationResponse;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.ConnectionType;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.ProjectResponse;
import org.headlesspm.mcp.McpSettings;
import org.headlesspm.mcp.rest.RestGateway;
import org.headlesspm.mcp.session.AgentSession;
import org.headlesspm.mcp.session.Hints;
import org.headlesspm.mcp.session.Identity;

/**
 * Who a session is and where it works: registration with {@code connection_type: mcp} (MCP.md 2.2),
 * automatic registration from connection hints (2.3) and project resolution (2.4).
 */
public class AgentDirectory {

  private static final Logger LOG = Logger.getLogger(AgentDirectory.class.getName());
  private static final List<String> ROLES =
      List.of("frontend_dev", "backend_dev", "qa", "architect", "project_pm", "global_pm", "pm");
  private static final List<String> LEVELS = List.of("junior", "senior", "principal");

  private final McpSettings settings;
  private final RestGateway rest;

  public AgentDirectory(McpSettings settings, RestGateway rest) {
    this.settings = settings;
    this.rest = rest;
  }

  /**
   * Registers the agent through {@code POST /api/v1/register}; the session keeps the identity only
   * when the API confirmed it.
   */
  public AgentRegistrationResponse register(
      String tool,
      AgentSession session,
      String agentId,
      String role,
      String level,
      long projectId) {
    AgentRegistrationResponse response =
        rest.call(
            tool,
            "POST /api/v1/register",
            () ->
                rest.api()
                    .register(
                        new AgentRegistration(
                            agentId,
                            projectId,
                            AgentRole.parse(role),
                            DifficultyLevel.valueOf(level),
                            ConnectionType.mcp)));
    synchronized (session) {
      Identity previous = session.identity();
      if (previous != null && !previous.agentId().equals(agentId)) {
        LOG.info(
            () ->
                "Session "
                    + session.prefix()
                    + " now acts as "
                    + agentId
                    + " (was "
                    + previous.agentId()
                    + ")");
      }
      session.identity(new Identity(agentId, role, level));
      session.projectId(projectId);
    }
    return response;
  }

  /** Registers the session from its connection hints once, if they name an agent and a role. */
  public void autoRegister(AgentSession session) {
    Hints hints = session.hints();
    if (session.identity() != null || !hints.canRegister() || !session.claimAutoRegistration()) {
      return;
    }
    String level =
        hints.skillLevel() == null ? "senior" : hints.skillLevel().toLowerCase(Locale.ROOT);
    String role = hints.role().toLowerCase(Locale.ROOT);
    if (!ROLES.contains(role) || !LEVELS.contains(level)) {
      LOG.warning("Ignoring invalid identity hints of session " + session.prefix());
      return;
    }
    try {
      long project = resolveProject("register_agent", session, hints.projectId());
      register("register_agent", session, hints.agentId(), role, level, project);
      LOG.info(
          () -> "Session " + session.prefix() + " registered automatically as " + hints.agentId());
    } catch (ToolFailure failure) {
      LOG.warning(
          "Automatic registration of session "
              + session.prefix()
              + " failed: "
              + failure.getMessage());
    }
  }

  /** The session's identity; tries automatic registration once more; else a tool failure. */
  public Identity requireIdentity(String tool, AgentSession session) {
    if (session.identity() == null && session.hints().canRegister()) {
      session.releaseAutoRegistration();
      autoRegister(session);
    }
    Identity identity = session.identity();
    if (identity == null) {
      throw new ToolFailure(
          tool + " needs a registered agent: call register_agent with agent_id and role first.");
    }
    return identity;
  }

  /**
   * The project of a call (MCP.md 2.4): explicit argument, session project, hint, configured
   * default, the only project; else a tool failure that lists the projects.
   */
  public long resolveProject(String tool, AgentSession session, Long explicit) {
    if (explicit != null) {
      return explicit;
    }
    if (session.projectId() != null) {
      return session.projectId();
    }
    if (session.hints().projectId() != null) {
      return session.hints().projectId();
    }
    if (settings.defaultProjectId() != null) {
      return settings.defaultProjectId();
    }
    List<ProjectResponse> projects =
        rest.call(tool, "GET /api/v1/projects", () -> rest.api().listProjects());
    if (projects.size() == 1) {
      session.projectId(projects.get(0).id());
      return projects.get(0).id();
    }
    throw new ToolFailure(
        tool
            + " failed: no project selected. Projects: "
            + (projects.isEmpty()
                ? "none"
                : projects.stream()
                    .map(p -> p.name() + " (id " + p.id() + ")")
                    .collect(Collectors.joining(", ")))
            + ". Call switch_project first.");
  }

  /** Like {@link #resolveProject} but null instead of a failure when none can be chosen. */
  public Long projectIfResolvable(String tool, AgentSession session) {
    try {
      return resolveProject(tool, session, null);
    } catch (ToolFailure none) {
      return null;
    }
  }
}
