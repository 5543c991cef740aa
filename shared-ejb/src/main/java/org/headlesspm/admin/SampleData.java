package org.headlesspm.admin;

import static org.headlesspm.api.JsonFactory.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import org.headlesspm.agent.AgentService;
import org.headlesspm.api.AgentRegistration;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.ConnectionType;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.DocumentCreate;
import org.headlesspm.api.DocumentType;
import org.headlesspm.api.EpicCreate;
import org.headlesspm.api.FeatureCreate;
import org.headlesspm.api.FeatureResponse;
import org.headlesspm.api.TaskComplexity;
import org.headlesspm.api.TaskCreate;
import org.headlesspm.document.DocumentService;
import org.headlesspm.operations.DefaultData;
import org.headlesspm.planning.PlanningService;
import org.headlesspm.project.Project;
import org.headlesspm.project.ProjectService;
import org.headlesspm.storage.Writes;
import org.headlesspm.task.TaskService;

/**
 * The reference's {@code seed} command with its data corrected (OPERATIONS.md 5.2): one transaction
 * through the same services as the API, so the mention and the "Task created" changelog rows are
 * written; a project that already has the sample epic is left alone.
 */
@ApplicationScoped
@Transactional
public class SampleData {

  static final String EPIC = "User Authentication";
  static final String ARCHITECT = "architect_principal_001";
  static final String QA = "qa_senior_001";

  private record SampleAgent(String id, AgentRole role, DifficultyLevel level) {}

  private record SampleTask(String title, String description, AgentRole role, String branch) {}

  private static final List<SampleAgent> AGENTS =
      List.of(
          new SampleAgent(ARCHITECT, AgentRole.architect, DifficultyLevel.principal),
          new SampleAgent(
              "frontend_dev_senior_001", AgentRole.frontend_dev, DifficultyLevel.senior),
          new SampleAgent("backend_dev_senior_001", AgentRole.backend_dev, DifficultyLevel.senior),
          new SampleAgent(QA, AgentRole.qa, DifficultyLevel.senior));

  private static final List<SampleTask> TASKS =
      List.of(
          new SampleTask(
              "Design login UI mockups",
              "Create wireframes and mockups for login interface",
              AgentRole.frontend_dev,
              "feature/login-ui"),
          new SampleTask(
              "Implement JWT authentication API",
              "Create login/logout endpoints with JWT tokens",
              AgentRole.backend_dev,
              "feature/jwt-auth"),
          new SampleTask(
              "Write authentication tests",
              "Create comprehensive test suite for auth system",
              AgentRole.qa,
              "feature/auth-tests"));

  private static final String STANDUP =
      """
      # Daily Standup - Architecture

      ## Yesterday
      - Reviewed authentication requirements
      - Created initial task breakdown

      ## Today
      - Finalising API design
      - Creating detailed tasks

      ## Blockers
      - None
      """;

  private static final String OUTAGE =
      """
      # Test Environment Down

      The test environment is down and the authentication tests cannot run.

      @backend_dev_senior_001 please investigate.
      """;

  @PersistenceContext EntityManager em;
  @Inject ProjectService projects;
  @Inject DefaultData defaults;
  @Inject AgentService agents;
  @Inject PlanningService planning;
  @Inject TaskService tasks;
  @Inject DocumentService documents;

  @Writes
  public AdminReport seed(Long projectId) {
    Project project = chooseProject(projectId);
    long id = project.getId();
    String heading =
        "Creating sample data for project: " + project.getName() + " (ID: " + id + ")\n";
    if (alreadySeeded(id)) {
      return AdminReport.ok(
          heading + "Project already seeded (epic \"" + EPIC + "\" exists): nothing created\n",
          JSON.createObjectBuilder()
              .add("project_id", id)
              .add("project_name", project.getName())
              .add("seeded", false)
              .build());
    }
    for (SampleAgent agent : AGENTS) {
      agents.register(
          new AgentRegistration(
              agent.id(), id, agent.role(), agent.level(), ConnectionType.client));
    }
    long epicId =
        planning
            .createEpic(
                ARCHITECT,
                id,
                new EpicCreate(EPIC, "Implement complete user authentication system"))
            .id();
    FeatureResponse feature =
        planning.createFeature(
            ARCHITECT,
            new FeatureCreate(epicId, "Login System", "User login with JWT authentication"));
    for (SampleTask task : TASKS) {
      tasks.create(
          ARCHITECT,
          new TaskCreate(
              feature.id(),
              task.title(),
              task.description(),
              task.role(),
              DifficultyLevel.senior,
              TaskComplexity.major,
              task.branch()));
    }
    documents.create(
        id,
        ARCHITECT,
        new DocumentCreate(
            DocumentType.update, "Daily Standup - Architecture", STANDUP, null, null));
    documents.create(
        id,
        QA,
        new DocumentCreate(
            DocumentType.critical_issue, "Test Environment Down", OUTAGE, null, null));
    return AdminReport.ok(
        heading
            + "Sample data created successfully!\n"
            + "Created: 1 epic, 1 feature, 3 tasks, 4 agents, 2 documents\n",
        JSON.createObjectBuilder()
            .add("project_id", id)
            .add("project_name", project.getName())
            .add("seeded", true)
            .add("epic_id", epicId)
            .add("feature_id", feature.id())
            .build());
  }

  private Project chooseProject(Long projectId) {
    if (projectId != null) {
      try {
        return projects.require(projectId);
      } catch (ApiError notFound) {
        throw ApiError.notFound("Project with ID " + projectId + " not found");
      }
    }
    List<Project> first =
        em.createQuery("SELECT p FROM Project p ORDER BY p.id", Project.class)
            .setMaxResults(1)
            .getResultList();
    if (!first.isEmpty()) {
      return first.get(0);
    }
    defaults.ensure();
    return projects.findByName(ProjectService.DEFAULT_PROJECT_NAME).orElseThrow();
  }

  private boolean alreadySeeded(long projectId) {
    return em.createQuery(
                "SELECT COUNT(e) FROM Epic e WHERE e.projectId = :p AND e.name = :name", Long.class)
            .setParameter("p", projectId)
            .setParameter("name", EPIC)
            .getSingleResult()
        > 0;
  }
}
