package org.headlesspm.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;
import org.headlesspm.api.AgentAvailabilityResponse;
import org.headlesspm.api.AgentRegistration;
import org.headlesspm.api.AgentRegistrationResponse;
import org.headlesspm.api.AgentResponse;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.AgentStatus;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.ChangelogResponse;
import org.headlesspm.api.ChangesResponse;
import org.headlesspm.api.ConnectionType;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.DocFileContent;
import org.headlesspm.api.DocFileWrite;
import org.headlesspm.api.DocFileWritten;
import org.headlesspm.api.DocumentCreate;
import org.headlesspm.api.DocumentResponse;
import org.headlesspm.api.DocumentType;
import org.headlesspm.api.DocumentUpdate;
import org.headlesspm.api.EpicCreate;
import org.headlesspm.api.EpicResponse;
import org.headlesspm.api.FeatureCreate;
import org.headlesspm.api.FeatureResponse;
import org.headlesspm.api.FieldError;
import org.headlesspm.api.InvalidRequest;
import org.headlesspm.api.MentionResponse;
import org.headlesspm.api.ProjectContextResponse;
import org.headlesspm.api.ProjectCreate;
import org.headlesspm.api.ProjectDeleted;
import org.headlesspm.api.ProjectResponse;
import org.headlesspm.api.ProjectUpdate;
import org.headlesspm.api.ServiceRegistration;
import org.headlesspm.api.ServiceResponse;
import org.headlesspm.api.ServiceStatus;
import org.headlesspm.api.TaskComment;
import org.headlesspm.api.TaskComplexity;
import org.headlesspm.api.TaskCreate;
import org.headlesspm.api.TaskDetailsUpdate;
import org.headlesspm.api.TaskResponse;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.api.TaskStatusUpdate;
import org.headlesspm.api.TaskStatusUpdateResponse;
import org.headlesspm.api.TaskTimeTrackingResponse;
import org.headlesspm.api.TaskType;
import org.headlesspm.api.TimeEntryCreate;
import org.headlesspm.api.TimeEntryResponse;
import org.headlesspm.client.ApiKeyHeaders;
import org.headlesspm.client.HeadlessPmApi;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A workday driven through the typed MicroProfile Rest Client ({@link HeadlessPmApi}) as the MCP
 * server and the dashboard will use it: built in this JVM with {@link RestClientBuilder}, the key
 * found by {@link ApiKeyHeaders} in MicroProfile Config, answers read as the api records and
 * refusals raised as {@link ApiError} / {@link InvalidRequest}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TypedClientIT extends ApiTest {

  private static final String PM = "tc_pm";
  private static final String DEV = "tc_dev";
  private static final String QA = "tc_qa";

  /** The dashboard identity: the server keeps one record in every project (API-ADDENDUM A4.1). */
  private static final String DASHBOARD = "dashboard-user";

  private static HeadlessPmApi client;
  private static Instant startedAt;
  private static long project;
  private static long epic;
  private static long feature;
  private static long task;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ApiDeployment.freshApi();
  }

  @BeforeAll
  static void configureKey() {
    // The key failsafe gives the server, where ApiKeyHeaders looks (API_KEY is set there too).
    System.setProperty("headless-pm.api.key", KEY);
  }

  private HeadlessPmApi client() {
    if (client == null) {
      client =
          RestClientBuilder.newBuilder().baseUri(URI.create(root())).build(HeadlessPmApi.class);
    }
    return client;
  }

  @Test
  @Order(1)
  void operationalAndKey() {
    assertEquals(KEY, new ApiKeyHeaders().apiKey());
    JsonObject root = client().root();
    assertEquals("Headless PM API", root.getString("message"));
    assertEquals("healthy", client().health().status());
    assertNotNull(client().health().timestamp());
    assertEquals("headless-pm-api", client().status().service());
    assertNotNull(client().status().metrics());
    assertEquals("healthy", client().apiHealth().status());
    assertEquals("healthy", client().publicHealth().status());
    ProjectContextResponse context = client().defaultProjectContext();
    assertEquals("Headless-PM", context.projectName());
    assertEquals(context, client().projectContext(context.projectId()));
    assertEquals(context, client().publicProjectContext(context.projectId()));
  }

  @Test
  @Order(2)
  void planning() {
    startedAt = Instant.now().minusSeconds(1);
    ProjectResponse created =
        client().createProject(new ProjectCreate("Typed Client", "driven by HeadlessPmApi"));
    project = created.id();
    assertEquals("Typed Client", created.name());
    assertEquals("./projects/typedclient/docs", created.projectDocsPath());
    assertNotNull(created.createdAt());
    assertEquals(1, created.agentCount(), "the project's dashboard-user record");
    ProjectResponse patched =
        client()
            .updateProject(
                project,
                new ProjectUpdate("patched", null, null, null, "./GUIDE.md", null, null, null));
    assertEquals("patched", patched.description());
    assertEquals("./GUIDE.md", patched.codeGuidelinesPath());
    assertEquals("patched", client().getProject(project).description());
    assertTrue(client().listProjects().stream().anyMatch(p -> p.id() == project));
    assertTrue(client().publicProjects().stream().anyMatch(p -> p.id() == project));

    AgentRegistrationResponse pm =
        client()
            .register(
                new AgentRegistration(
                    PM, project, AgentRole.project_pm, DifficultyLevel.senior, null));
    assertEquals(AgentRole.project_pm, pm.agent().role());
    assertEquals(ConnectionType.client, pm.agent().connectionType());
    assertEquals("Typed Client", pm.agent().projectName());
    assertNotNull(pm.agent().lastSeen());
    assertNull(pm.nextTask());
    assertEquals(List.of(), pm.mentions());
    AgentRegistrationResponse dev =
        client()
            .register(
                new AgentRegistration(
                    DEV,
                    project,
                    AgentRole.backend_dev,
                    DifficultyLevel.senior,
                    ConnectionType.mcp));
    assertEquals(ConnectionType.mcp, dev.agent().connectionType());
    assertEquals(DifficultyLevel.senior, dev.agent().level());
    client()
        .register(
            new AgentRegistration(QA, project, AgentRole.qa, DifficultyLevel.principal, null));
    List<AgentResponse> agents = client().listAgents(project);
    assertEquals(4, agents.size(), "three agents and the project's dashboard-user record");
    AgentResponse dashboard =
        agents.stream().filter(a -> a.agentId().equals(DASHBOARD)).findFirst().orElseThrow();
    assertEquals(AgentRole.ui_admin, dashboard.role());
    assertEquals(DifficultyLevel.principal, dashboard.level());
    assertEquals(ConnectionType.ui, dashboard.connectionType());
    assertEquals(agents, client().publicAgents(project));

    EpicResponse createdEpic =
        client().createEpic(PM, project, new EpicCreate("Typed epic", "an epic"));
    epic = createdEpic.id();
    assertEquals(project, createdEpic.projectId());
    assertEquals(0, createdEpic.taskCount());
    assertNotNull(createdEpic.createdAt());
    assertEquals("Typed epic", client().getEpic(epic).name());
    assertEquals(List.of(epic), client().listEpics(project).stream().map(e -> e.id()).toList());
    assertEquals(1, client().publicEpics(project).size());

    FeatureResponse createdFeature =
        client().createFeature(PM, new FeatureCreate(epic, "Typed feature", "a feature"));
    feature = createdFeature.id();
    assertEquals(epic, createdFeature.epicId());
    assertEquals(List.of(createdFeature), client().listFeatures(epic));
    assertEquals(List.of(createdFeature), client().publicFeatures(epic));

    TaskResponse created2 =
        client()
            .createTask(
                PM,
                new TaskCreate(
                    feature,
                    "Typed task",
                    "do it through the client",
                    AgentRole.backend_dev,
                    DifficultyLevel.junior,
                    null,
                    "feature/typed"));
    task = created2.id();
    assertEquals(TaskStatus.created, created2.status());
    assertEquals(TaskComplexity.major, created2.complexity());
    assertEquals(TaskType.regular, created2.taskType());
    assertEquals(PM, created2.createdBy());
    assertEquals(epic, created2.epicId());
    assertEquals(project, created2.projectId());
    assertNull(created2.lockedBy());
    assertNotNull(created2.createdAt());
    assertNotNull(created2.updatedAt());
    assertEquals(created2, client().getTask(task));
    assertEquals(
        List.of(task),
        client().listTasks(TaskStatus.created, AgentRole.backend_dev, project, 10).stream()
            .map(TaskResponse::id)
            .toList());
    assertEquals(1, client().publicTasks(null, null, project, null).size());
  }

  @Test
  @Order(3)
  void nextLockAndRelease() throws Exception {
    Optional<TaskResponse> next =
        client().nextTask(AgentRole.backend_dev, DifficultyLevel.senior, true, null, project, DEV);
    assertEquals(task, next.orElseThrow().id());
    assertEquals(
        Optional.empty(),
        client().nextTask(AgentRole.qa, DifficultyLevel.senior, true, null, project, QA),
        "the API's null is an empty Optional");
    assertEquals(
        task,
        client()
            .publicNextTask(AgentRole.backend_dev, DifficultyLevel.senior, DEV, project)
            .orElseThrow()
            .id());
    assertEquals(
        Optional.empty(),
        client().publicNextTask(AgentRole.frontend_dev, DifficultyLevel.senior, DEV, project));
    Optional<TaskResponse> async =
        client()
            .nextTaskAsync(AgentRole.backend_dev, DifficultyLevel.junior, true, null, project, DEV)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    assertEquals(task, async.orElseThrow().id());

    TaskResponse locked = client().lockTask(task, DEV);
    assertEquals(TaskStatus.under_work, locked.status());
    assertEquals(DEV, locked.lockedBy());
    assertNotNull(locked.lockedAt());
    AgentAvailabilityResponse busy = client().agentAvailability(DEV, project);
    assertEquals(AgentStatus.working, busy.status());
    assertFalse(busy.isAvailable());
    assertEquals(task, busy.currentTaskId());
    assertEquals("Typed task", busy.currentTaskTitle());
    assertNotNull(busy.lastActivity());

    ApiError conflict = assertThrows(ApiError.class, () -> client().lockTask(task, QA));
    assertEquals(409, conflict.status());
    assertEquals(
        "Task "
            + task
            + " is already locked by another agent. The task must be unlocked before you can"
            + " lock it.",
        conflict.detail());

    TaskStatusUpdateResponse done =
        client().updateTaskStatus(task, DEV, new TaskStatusUpdate(TaskStatus.dev_done, "done"));
    assertEquals(TaskStatus.dev_done, done.task().status());
    assertNull(done.task().lockedBy());
    assertEquals("done", done.task().notes());
    assertEquals(task, done.taskCompleted());
    assertNotNull(done.workflowStatus());
    assertEquals(AgentStatus.idle, client().agentAvailability(DEV, project).status());

    List<AgentAvailabilityResponse> available = client().listAvailability(project, null);
    assertEquals(
        List.of(DASHBOARD, DEV, PM, QA), available.stream().map(a -> a.agentId()).toList());
    assertTrue(available.stream().allMatch(AgentAvailabilityResponse::isAvailable));
    assertEquals(1, client().listAvailability(project, AgentRole.qa).size());

    // The QA agent reviews: it locks the dev_done task and passes it.
    assertEquals(TaskStatus.under_work, client().lockTask(task, QA).status());
    assertEquals(
        TaskStatus.qa_done,
        client()
            .updateTaskStatus(task, QA, new TaskStatusUpdate(TaskStatus.qa_done, null))
            .task()
            .status());

    List<ChangelogResponse> changelog = client().changelog(10, project, task);
    ChangelogResponse last = changelog.get(0);
    assertEquals(TaskStatus.under_work, last.oldStatus());
    assertEquals(TaskStatus.qa_done, last.newStatus());
    assertEquals(QA, last.changedBy());
    assertNotNull(last.changedAt());
    assertEquals(TaskStatus.created, changelog.get(changelog.size() - 1).newStatus());
    assertEquals(changelog, client().publicChangelog(10, project, task));
  }

  @Test
  @Order(4)
  void longPollWakesTheAsynchronousCall() throws Exception {
    CompletableFuture<Optional<TaskResponse>> waiting =
        client()
            .nextTaskAsync(AgentRole.frontend_dev, DifficultyLevel.senior, false, 30, project, null)
            .toCompletableFuture();
    Thread.sleep(1500);
    assertFalse(waiting.isDone(), "no frontend task yet: the call waits");
    TaskResponse frontend =
        client()
            .createTask(
                PM,
                new TaskCreate(
                    feature,
                    "Typed frontend task",
                    "d",
                    AgentRole.frontend_dev,
                    DifficultyLevel.senior,
                    TaskComplexity.minor,
                    "feature/front"));
    Instant created = Instant.now();
    assertEquals(frontend.id(), waiting.get(10, TimeUnit.SECONDS).orElseThrow().id());
    assertTrue(Duration.between(created, Instant.now()).toMillis() < 4000);

    ExecutionException missingRole =
        assertThrows(
            ExecutionException.class,
            () ->
                client()
                    .nextTaskAsync(null, DifficultyLevel.senior, true, null, project, null)
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS));
    ApiError error = assertInstanceOf(ApiError.class, missingRole.getCause());
    assertEquals(400, error.status());
    assertTrue(error.detail().startsWith("Missing required parameter 'role'"));

    TaskResponse assigned = client().assignTask(frontend.id(), QA, PM);
    assertEquals(QA, assigned.lockedBy());
    assertEquals(TaskStatus.under_work, assigned.status());
    assertEquals(
        TaskStatus.created,
        client()
            .updateTaskStatus(frontend.id(), PM, new TaskStatusUpdate(TaskStatus.created, null))
            .task()
            .status());
  }

  @Test
  @Order(5)
  void commentsMentionsAndDocuments() {
    assertEquals(
        "Comment added successfully",
        client().commentOnTask(task, PM, new TaskComment("Nice work @" + DEV)).message());
    assertTrue(client().getTask(task).notes().endsWith(PM + ": Nice work @" + DEV));

    List<MentionResponse> unread = client().listMentions(project, DEV, true, null);
    assertEquals(1, unread.size());
    MentionResponse mention = unread.get(0);
    assertEquals(task, mention.taskId());
    assertNull(mention.documentId());
    assertEquals(DEV, mention.mentionedAgentId());
    assertEquals(PM, mention.createdBy());
    assertEquals("Typed task", mention.taskTitle());
    assertFalse(mention.isRead());
    assertNotNull(mention.createdAt());
    assertEquals(
        List.of(mention.id()),
        client().listMentionsByRole(project, AgentRole.backend_dev, null, 5).stream()
            .map(MentionResponse::id)
            .toList());
    assertTrue(client().markMentionRead(mention.id(), DEV).isRead());
    assertEquals(List.of(), client().listMentions(project, DEV, true, 10));
    assertEquals(
        403,
        assertThrows(ApiError.class, () -> client().markMentionRead(mention.id(), QA)).status());

    JsonObject meta = Json.createObjectBuilder().add("sprint", 7).build();
    Instant expires = Instant.parse("2999-01-01T00:00:00Z");
    DocumentResponse standup =
        client()
            .createDocument(
                PM,
                project,
                new DocumentCreate(
                    DocumentType.standup,
                    "Standup",
                    "Today: @" + DEV + " and @" + QA,
                    meta,
                    expires));
    assertEquals(DocumentType.standup, standup.docType());
    assertEquals(PM, standup.authorId());
    assertEquals(project, standup.projectId());
    assertEquals(List.of(DEV, QA), standup.mentions());
    assertEquals(7, standup.metaData().getInt("sprint"));
    assertEquals(expires, standup.expiresAt());
    assertNotNull(standup.createdAt());

    DocumentResponse updated =
        client().updateDocument(standup.id(), new DocumentUpdate("Standup v2", null, null));
    assertEquals("Standup v2", updated.title());
    assertEquals(standup.content(), updated.content());
    assertFalse(updated.updatedAt().isBefore(standup.updatedAt()));
    assertEquals(updated, client().getDocument(standup.id()));
    assertEquals(
        List.of(standup.id()),
        client().listDocuments(project, DocumentType.standup, PM, null).stream()
            .map(DocumentResponse::id)
            .toList());
    assertEquals(List.of(), client().listDocuments(project, DocumentType.critical_issue, null, 5));
    assertEquals(3, client().listMentions(project, null, false, 50).size());
    assertEquals("Document deleted successfully", client().deleteDocument(standup.id()).message());
  }

  @Test
  @Order(6)
  void servicesChangesAndFiles() {
    ServiceResponse registered =
        client()
            .registerService(
                DEV,
                project,
                new ServiceRegistration(
                    "typed-api", "http://127.0.0.1:9/health", 9, ServiceStatus.starting, null));
    assertEquals("typed-api", registered.serviceName());
    assertEquals(DEV, registered.ownerAgentId());
    assertEquals(ServiceStatus.starting, registered.status());
    assertEquals(9, registered.port());
    assertNotNull(registered.lastHeartbeat());
    assertNull(registered.metaData());
    ServiceResponse beat = client().heartbeatService("typed-api", DEV, project);
    assertEquals(ServiceStatus.up, beat.status());
    assertFalse(beat.lastHeartbeat().isBefore(registered.lastHeartbeat()));
    assertEquals(
        List.of("typed-api"),
        client().listServices(project).stream().map(ServiceResponse::serviceName).toList());
    assertEquals(
        403,
        assertThrows(ApiError.class, () -> client().heartbeatService("typed-api", PM, project))
            .status());
    assertEquals(
        "Service typed-api unregistered successfully",
        client().unregisterService("typed-api", DEV, project).message());
    assertEquals(List.of(), client().listServices(project));

    ChangesResponse changes = client().changes(startedAt, project, PM);
    assertFalse(changes.changes().isEmpty());
    assertNotNull(changes.lastTimestamp());
    assertTrue(changes.changes().stream().allMatch(c -> c.type() != null && c.timestamp() != null));
    assertEquals(List.of(), client().changes(changes.lastTimestamp(), project, null).changes());

    DocFileWritten written =
        client().writeProjectFile(project, "Notes/Typed Client.md", new DocFileWrite("# typed"));
    assertEquals("notes/typedclient.md", written.path());
    assertEquals("Notes/Typed Client.md", written.originalPath());
    assertTrue(written.created());
    assertEquals(7, written.size());
    assertEquals(
        List.of("notes/typedclient.md"),
        client().listProjectFiles(project).files().stream().map(f -> f.path()).toList());
    try (Response read = client().readProjectFile(project, written.path())) {
      assertEquals(200, read.getStatus());
      assertTrue(read.getMediaType().isCompatible(MediaType.APPLICATION_JSON_TYPE));
      DocFileContent content = read.readEntity(DocFileContent.class);
      assertEquals("# typed", content.content());
      assertEquals(written.path(), content.path());
      assertTrue(content.modified() > 0);
    }
  }

  @Test
  @Order(7)
  void refusals() {
    ApiError missing = assertThrows(ApiError.class, () -> client().getTask(999_999));
    assertEquals(404, missing.status());
    assertEquals(
        "Task with ID 999999 not found. Please verify the task ID exists.", missing.detail());
    assertEquals(
        "Project with id 999999 not found",
        assertThrows(ApiError.class, () -> client().getProject(999_999)).detail());
    assertEquals(
        404,
        assertThrows(ApiError.class, () -> client().readProjectFile(project, "missing.md"))
            .status());

    InvalidRequest invalid =
        assertThrows(
            InvalidRequest.class,
            () ->
                client()
                    .createTask(
                        PM,
                        new TaskCreate(
                            feature,
                            "No branch",
                            "d",
                            AgentRole.qa,
                            DifficultyLevel.junior,
                            null,
                            null)));
    assertFalse(invalid.errors().isEmpty());
    FieldError error = invalid.errors().get(0);
    assertEquals(List.of("body", "branch"), error.loc());
    assertNotNull(error.msg());
    assertNotNull(error.type());

    HeadlessPmApi wrongKey =
        RestClientBuilder.newBuilder()
            .baseUri(URI.create(root()))
            .register(new WrongKey())
            .build(HeadlessPmApi.class);
    ApiError unauthorized = assertThrows(ApiError.class, () -> wrongKey.listAgents(null));
    assertEquals(401, unauthorized.status());
    assertEquals("Invalid API key", unauthorized.detail());
    assertFalse(wrongKey.publicProjects().isEmpty(), "public routes ignore the key");
  }

  /**
   * E59–E63 (API-ADDENDUM A3.2, A3.3): the dashboard identity edits a task, records and deletes
   * time, and closes the task; the refusals arrive as {@link ApiError}.
   */
  @Test
  @Order(8)
  void editCompleteAndTrackTime() {
    TaskResponse work =
        client()
            .createTask(
                PM,
                new TaskCreate(
                    feature,
                    "Plan the sprint",
                    "agenda",
                    AgentRole.backend_dev,
                    DifficultyLevel.junior,
                    null,
                    "",
                    TaskType.management));
    long id = work.id();
    assertEquals(TaskType.management, work.taskType());
    assertEquals("feature/plan-the-sprint", work.branch(), "a blank branch is generated");
    assertEquals(0, work.totalTimeMinutes());
    assertEquals("0m", work.totalTimeFormatted());

    // E59: only fields that change are written, with one changelog row naming them.
    TaskDetailsUpdate edit =
        new TaskDetailsUpdate(
            "Sprint planning", null, AgentRole.frontend_dev, null, null, null, "");
    TaskResponse edited = client().editTaskDetails(id, DASHBOARD, edit);
    assertEquals("Sprint planning", edited.title());
    assertEquals(AgentRole.frontend_dev, edited.targetRole());
    assertEquals("feature/sprint-planning", edited.branch(), "generated from the new title");
    assertEquals("agenda", edited.description());
    assertEquals(DifficultyLevel.junior, edited.difficulty());
    assertEquals(TaskType.management, edited.taskType());
    assertEquals(TaskStatus.created, edited.status());
    assertFalse(edited.updatedAt().isBefore(work.updatedAt()));
    ChangelogResponse note = client().changelog(1, project, id).get(0);
    assertEquals(DASHBOARD, note.changedBy());
    assertEquals(TaskStatus.created, note.oldStatus());
    assertEquals(TaskStatus.created, note.newStatus());
    assertEquals(
        "Task details updated: title: 'Plan the sprint' -> 'Sprint planning',"
            + " target_role: backend_dev -> frontend_dev,"
            + " branch: 'feature/plan-the-sprint' -> 'feature/sprint-planning'",
        note.notes());
    TaskResponse unchanged = client().editTaskDetails(id, DASHBOARD, edit);
    assertEquals(edited, unchanged, "the same edit again changes nothing");
    assertEquals(note.id(), client().changelog(1, project, id).get(0).id(), "and writes no row");

    // E61: a compound duration, a bare number of minutes (the string form of a JSON number), a
    // working day and a correction.
    TimeEntryResponse planned =
        client().addTimeEntry(id, DASHBOARD, new TimeEntryCreate("1h 30m", "planning"));
    assertEquals(90, planned.minutes());
    assertEquals(id, planned.taskId());
    assertEquals("planning", planned.description());
    assertEquals(DASHBOARD, planned.createdBy());
    assertNotNull(planned.createdAt());
    TimeEntryResponse minutes =
        client().addTimeEntry(id, DASHBOARD, new TimeEntryCreate("45", " "));
    assertEquals(45, minutes.minutes());
    assertNull(minutes.description(), "a blank description is stored as null");
    TimeEntryResponse day = client().addTimeEntry(id, DASHBOARD, new TimeEntryCreate("1d", null));
    assertEquals(480, day.minutes(), "a day is 8 working hours");
    TimeEntryResponse correction =
        client().addTimeEntry(id, DASHBOARD, new TimeEntryCreate("-15m", "typo"));
    assertEquals(-15, correction.minutes());

    // E62, and the same totals on the task, whose updated_at does not move.
    TaskTimeTrackingResponse tracked = client().listTimeEntries(id);
    assertEquals(600, tracked.totalMinutes());
    assertEquals("1d 2h", tracked.totalFormatted());
    assertEquals(
        List.of(correction.id(), day.id(), minutes.id(), planned.id()),
        tracked.entries().stream().map(TimeEntryResponse::id).toList(),
        "newest first");
    assertEquals(planned, tracked.entries().get(3));
    TaskResponse withTime = client().getTask(id);
    assertEquals(600, withTime.totalTimeMinutes());
    assertEquals("1d 2h", withTime.totalTimeFormatted());
    assertEquals(edited.updatedAt(), withTime.updatedAt());
    TaskResponse listed =
        client().listTasks(null, null, project, null).stream()
            .filter(t -> t.id() == id)
            .findFirst()
            .orElseThrow();
    assertEquals(600, listed.totalTimeMinutes());
    assertEquals(TaskType.management, listed.taskType());

    // E63
    assertEquals(
        "Time entry " + minutes.id() + " deleted successfully",
        client().deleteTimeEntry(minutes.id(), DASHBOARD).message());
    TaskTimeTrackingResponse after = client().listTimeEntries(id);
    assertEquals(555, after.totalMinutes());
    assertEquals("1d 1h 15m", after.totalFormatted());
    assertEquals(3, after.entries().size());
    ApiError gone =
        assertThrows(ApiError.class, () -> client().deleteTimeEntry(minutes.id(), DASHBOARD));
    assertEquals(404, gone.status());
    assertEquals("Time entry not found", gone.detail());

    // E60: the dashboard closes the management task.
    TaskResponse done = client().completeTask(id, TaskStatus.committed, DASHBOARD);
    assertEquals(TaskStatus.committed, done.status());
    assertNull(done.lockedBy());
    assertEquals(555, done.totalTimeMinutes());
    ChangelogResponse closed = client().changelog(1, project, id).get(0);
    assertEquals(TaskStatus.created, closed.oldStatus());
    assertEquals(TaskStatus.committed, closed.newStatus());
    assertEquals(DASHBOARD, closed.changedBy());
    assertEquals("Task manually completed by ui_admin (target status: committed)", closed.notes());

    // Refusals.
    ApiError notDashboard =
        assertThrows(
            ApiError.class,
            () ->
                client()
                    .editTaskDetails(
                        id,
                        DEV,
                        new TaskDetailsUpdate("Mine", null, null, null, null, null, null)));
    assertEquals(403, notDashboard.status());
    assertEquals("Only dashboard user can edit task details", notDashboard.detail());
    assertEquals("Sprint planning", client().getTask(id).title());
    ApiError pmTime =
        assertThrows(
            ApiError.class, () -> client().addTimeEntry(id, PM, new TimeEntryCreate("1h", null)));
    assertEquals(403, pmTime.status());
    assertEquals("Only dashboard user can add time entries", pmTime.detail());
    ApiError badDuration =
        assertThrows(
            ApiError.class,
            () -> client().addTimeEntry(id, DASHBOARD, new TimeEntryCreate("1h 1h", null)));
    assertEquals(400, badDuration.status());
    assertEquals("Invalid time format: '1h 1h'", badDuration.detail());
    ApiError notAStatus =
        assertThrows(
            ApiError.class, () -> client().completeTask(id, TaskStatus.created, DASHBOARD));
    assertEquals(400, notAStatus.status());
    assertEquals("Invalid target status: created", notAStatus.detail());
    ApiError developer =
        assertThrows(ApiError.class, () -> client().completeTask(id, TaskStatus.dev_done, DEV));
    assertEquals(403, developer.status());
    assertEquals(TaskStatus.committed, client().getTask(id).status());
    assertEquals(555, client().listTimeEntries(id).totalMinutes(), "refusals recorded nothing");
  }

  @Test
  @Order(9)
  void cleanUp() {
    assertEquals("Task " + task + " deleted successfully", client().deleteTask(task, PM).message());
    assertEquals(404, assertThrows(ApiError.class, () -> client().getTask(task)).status());
    assertEquals(
        "Feature " + feature + " deleted successfully",
        client().deleteFeature(feature, PM).message());
    assertEquals(List.of(), client().listFeatures(epic));
    assertEquals("Epic " + epic + " deleted successfully", client().deleteEpic(epic, PM).message());
    assertEquals(
        "Epic not found", assertThrows(ApiError.class, () -> client().getEpic(epic)).detail());
    assertEquals(
        "Agent " + QA + " deleted successfully", client().deleteAgent(QA, PM, project).message());
    assertEquals(
        400, assertThrows(ApiError.class, () -> client().deleteProject(project, null)).status());
    ProjectDeleted deleted = client().deleteProject(project, true);
    assertEquals("Project 'Typed Client' deleted successfully", deleted.message());
    assertEquals(3, deleted.deletedEntities().agents(), "PM, DEV and the dashboard-user record");
  }

  /** Replaces the key {@link ApiKeyHeaders} added. */
  private static final class WrongKey implements ClientRequestFilter {
    @Override
    public void filter(ClientRequestContext request) {
      request.getHeaders().putSingle(ApiKeyHeaders.HEADER, "wrong-key");
    }
  }
}
