package org.headlesspm.client;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.headlesspm.api.AgentAvailabilityResponse;
import org.headlesspm.api.AgentRegistration;
import org.headlesspm.api.AgentRegistrationResponse;
import org.headlesspm.api.AgentResponse;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.ApiHealth;
import org.headlesspm.api.ChangelogResponse;
import org.headlesspm.api.ChangesResponse;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.DocFileList;
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
import org.headlesspm.api.MentionResponse;
import org.headlesspm.api.MessageResponse;
import org.headlesspm.api.ProjectContextResponse;
import org.headlesspm.api.ProjectCreate;
import org.headlesspm.api.ProjectDeleted;
import org.headlesspm.api.ProjectResponse;
import org.headlesspm.api.ProjectUpdate;
import org.headlesspm.api.ServerHealth;
import org.headlesspm.api.ServerStatus;
import org.headlesspm.api.ServiceRegistration;
import org.headlesspm.api.ServiceResponse;
import org.headlesspm.api.TaskComment;
import org.headlesspm.api.TaskCreate;
import org.headlesspm.api.TaskDetailsUpdate;
import org.headlesspm.api.TaskResponse;
import org.headlesspm.api.TaskStatus;
import org.headlesspm.api.TaskStatusUpdate;
import org.headlesspm.api.TaskStatusUpdateResponse;
import org.headlesspm.api.TaskTimeTrackingResponse;
import org.headlesspm.api.TimeEntryCreate;
import org.headlesspm.api.TimeEntryResponse;

/**
 * The REST API (API.md, E1–E58, and API-ADDENDUM.md, E59–E63) as a typed MicroProfile Rest Client:
 * the only way the MCP server and the dashboard talk to it.
 *
 * <p>Use: {@code @Inject @RestClient HeadlessPmApi api} with the base URL in {@code
 * headless-pm-api/mp-rest/url}, or {@code
 * RestClientBuilder.newBuilder().baseUri(uri).build(HeadlessPmApi.class)}. The CDI bean is
 * {@code @Dependent} (the stereotype {@code @RegisterRestClient}, which also makes the interface
 * discoverable in an annotated bean archive): inject it into application-scoped beans, or set
 * {@code headless-pm-api/mp-rest/scope} to {@code jakarta.enterprise.context.ApplicationScoped},
 * because Jersey does not close a client when its bean is destroyed. A scope annotation here would
 * make Weld warn in every WAR that holds the interface without using it.
 *
 * <ul>
 *   <li>Key: {@link ApiKeyHeaders} sends {@code X-API-Key} on every call (public routes ignore it).
 *   <li>Errors: {@link ApiErrorMapper} throws {@link org.headlesspm.api.ApiError} (status and
 *       {@code detail}) for every 4xx/5xx, or {@link org.headlesspm.api.InvalidRequest} with the
 *       field errors for a 422; asynchronous calls complete exceptionally with them.
 *   <li>JSON: {@link ApiJsonProvider} gives the contract's JSON-B configuration; {@link
 *       InstantParamConverter} writes {@code Instant} query parameters.
 *   <li>Jersey: {@link ClientDefaults} (a {@code RestClientListener}) lets it send PATCH (E13) and
 *       a PUT without body (E43).
 *   <li>"No task" is answered {@code 200 null} (API.md 1.5): {@link #nextTask}, {@link
 *       #nextTaskAsync} and {@link #publicNextTask} return {@link Optional}, read by {@link
 *       OptionalJsonReader} ({@link Optional#empty()} for {@code null}). Plain {@code TaskResponse}
 *       or {@link Response} are not used: the first hides the case in a {@code null}, the second
 *       leaves parsing to every caller.
 *   <li>Optional query parameters are boxed types: {@code null} leaves the parameter out and the
 *       server applies its default; required ones are primitives or must not be {@code null}.
 * </ul>
 *
 * <p>No default methods: Jersey's implementation runs them on a detached proxy that cannot call the
 * HTTP methods.
 */
@RegisterRestClient(configKey = "headless-pm-api")
@RegisterClientHeaders(ApiKeyHeaders.class)
@RegisterProvider(ApiErrorMapper.class)
@RegisterProvider(ApiJsonProvider.class)
@RegisterProvider(OptionalJsonReader.class)
@RegisterProvider(InstantParamConverter.class)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface HeadlessPmApi {

  // --- 3.1 Operational ------------------------------------------------------------------------

  /** E1 {@code GET /}: the welcome object ({@code message}, {@code docs}, {@code health}). */
  @GET
  JsonObject root();

  /** E2 {@code GET /health}: server health with process id and dependencies. */
  @GET
  @Path("health")
  ServerHealth health();

  /** E3 {@code GET /status}: counters over all projects ({@code metrics} null if the DB failed). */
  @GET
  @Path("status")
  ServerStatus status();

  /** E4 {@code GET /api/v1/health}: server health without process details. */
  @GET
  @Path("api/v1/health")
  ApiHealth apiHealth();

  // --- 3.2 Agents -----------------------------------------------------------------------------

  /** E5 {@code POST /api/v1/register}: registers or refreshes an agent; its next task, mentions. */
  @POST
  @Path("api/v1/register")
  AgentRegistrationResponse register(AgentRegistration registration);

  /** E6 {@code GET /api/v1/agents}: agent records, of one project if given. */
  @GET
  @Path("api/v1/agents")
  List<AgentResponse> listAgents(@QueryParam("project_id") Long projectId);

  /** E7 {@code DELETE /api/v1/agents/{agent_id}}: a PM deletes an agent record of a project. */
  @DELETE
  @Path("api/v1/agents/{agent_id}")
  MessageResponse deleteAgent(
      @PathParam("agent_id") String agentId,
      @QueryParam("requester_agent_id") String requesterAgentId,
      @QueryParam("project_id") long projectId);

  /** E8 {@code GET /api/v1/agents/availability}: which agents of a project are free. */
  @GET
  @Path("api/v1/agents/availability")
  List<AgentAvailabilityResponse> listAvailability(
      @QueryParam("project_id") long projectId, @QueryParam("role") AgentRole role);

  /** E9 {@code GET /api/v1/agents/{agent_id}/availability}: whether one agent is free. */
  @GET
  @Path("api/v1/agents/{agent_id}/availability")
  AgentAvailabilityResponse agentAvailability(
      @PathParam("agent_id") String agentId, @QueryParam("project_id") long projectId);

  // --- 3.3 Projects ---------------------------------------------------------------------------

  /** E10 {@code POST /api/v1/projects}: creates a project and its directories. */
  @POST
  @Path("api/v1/projects")
  ProjectResponse createProject(ProjectCreate project);

  /** E11 {@code GET /api/v1/projects}: every project with its counts. */
  @GET
  @Path("api/v1/projects")
  List<ProjectResponse> listProjects();

  /** E12 {@code GET /api/v1/projects/{project_id}}: one project. */
  @GET
  @Path("api/v1/projects/{project_id}")
  ProjectResponse getProject(@PathParam("project_id") long projectId);

  /** E13 {@code PATCH /api/v1/projects/{project_id}}: replaces the non-null fields. */
  @PATCH
  @Path("api/v1/projects/{project_id}")
  ProjectResponse updateProject(@PathParam("project_id") long projectId, ProjectUpdate update);

  /**
   * E14 {@code DELETE /api/v1/projects/{project_id}}: deletes a project ({@code force} if full).
   */
  @DELETE
  @Path("api/v1/projects/{project_id}")
  ProjectDeleted deleteProject(
      @PathParam("project_id") long projectId, @QueryParam("force") Boolean force);

  /** E15 {@code GET /api/v1/projects/{project_id}/docs}: the files of the project's docs folder. */
  @GET
  @Path("api/v1/projects/{project_id}/docs")
  DocFileList listProjectFiles(@PathParam("project_id") long projectId);

  /**
   * E16 {@code GET /api/v1/projects/{project_id}/docs/{file_path}}: a UTF-8 file as JSON ({@code
   * readEntity(DocFileContent.class)} when the media type is JSON), any other as octet-stream bytes
   * ({@code readEntity(byte[].class)}); {@code file_path} may contain {@code /}.
   */
  @GET
  @Path("api/v1/projects/{project_id}/docs/{file_path}")
  @Produces({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
  Response readProjectFile(
      @PathParam("project_id") long projectId, @PathParam("file_path") String filePath);

  /** E17 {@code POST /api/v1/projects/{project_id}/docs/{file_path}}: writes a text file. */
  @POST
  @Path("api/v1/projects/{project_id}/docs/{file_path}")
  DocFileWritten writeProjectFile(
      @PathParam("project_id") long projectId,
      @PathParam("file_path") String filePath,
      DocFileWrite file);

  // --- 3.4 Context ----------------------------------------------------------------------------

  /** E18 {@code GET /api/v1/context/{project_id}}: where the project's files live. */
  @GET
  @Path("api/v1/context/{project_id}")
  ProjectContextResponse projectContext(@PathParam("project_id") long projectId);

  // --- 3.5 Epics ------------------------------------------------------------------------------

  /** E19 {@code POST /api/v1/epics}: a PM or architect creates an epic. */
  @POST
  @Path("api/v1/epics")
  EpicResponse createEpic(
      @QueryParam("agent_id") String agentId,
      @QueryParam("project_id") Long projectId,
      EpicCreate epic);

  /** E20 {@code GET /api/v1/epics}: epics with progress counts, of one project if given. */
  @GET
  @Path("api/v1/epics")
  List<EpicResponse> listEpics(@QueryParam("project_id") Long projectId);

  /** E21 {@code GET /api/v1/epics/{epic_id}}: one epic. */
  @GET
  @Path("api/v1/epics/{epic_id}")
  EpicResponse getEpic(@PathParam("epic_id") long epicId);

  /** E22 {@code DELETE /api/v1/epics/{epic_id}}: a PM deletes an epic and all below it. */
  @DELETE
  @Path("api/v1/epics/{epic_id}")
  MessageResponse deleteEpic(
      @PathParam("epic_id") long epicId, @QueryParam("agent_id") String agentId);

  // --- 3.6 Features ---------------------------------------------------------------------------

  /** E23 {@code POST /api/v1/features}: a PM or architect creates a feature of an epic. */
  @POST
  @Path("api/v1/features")
  FeatureResponse createFeature(@QueryParam("agent_id") String agentId, FeatureCreate feature);

  /** E24 {@code GET /api/v1/features/{epic_id}}: the features of an epic. */
  @GET
  @Path("api/v1/features/{epic_id}")
  List<FeatureResponse> listFeatures(@PathParam("epic_id") long epicId);

  /** E25 {@code DELETE /api/v1/features/{feature_id}}: a PM deletes a feature and its tasks. */
  @DELETE
  @Path("api/v1/features/{feature_id}")
  MessageResponse deleteFeature(
      @PathParam("feature_id") long featureId, @QueryParam("agent_id") String agentId);

  // --- 3.7 Tasks ------------------------------------------------------------------------------

  /** E26 {@code POST /api/v1/tasks/create}: creates a task in a feature. */
  @POST
  @Path("api/v1/tasks/create")
  TaskResponse createTask(@QueryParam("agent_id") String agentId, TaskCreate task);

  /**
   * E27 {@code GET /api/v1/tasks/next}: the task to do next, waiting up to {@code timeout} seconds
   * unless {@code simulate}; empty when none came (the API's {@code null}). Not locked.
   */
  @GET
  @Path("api/v1/tasks/next")
  Optional<TaskResponse> nextTask(
      @QueryParam("role") AgentRole role,
      @QueryParam("level") DifficultyLevel level,
      @QueryParam("simulate") Boolean simulate,
      @QueryParam("timeout") Integer timeout,
      @QueryParam("project_id") Long projectId,
      @QueryParam("agent_id") String agentId);

  /**
   * E27 {@code GET /api/v1/tasks/next} without blocking the caller during the long poll; completes
   * with the task or empty, or exceptionally with {@link org.headlesspm.api.ApiError}.
   */
  @GET
  @Path("api/v1/tasks/next")
  CompletionStage<Optional<TaskResponse>> nextTaskAsync(
      @QueryParam("role") AgentRole role,
      @QueryParam("level") DifficultyLevel level,
      @QueryParam("simulate") Boolean simulate,
      @QueryParam("timeout") Integer timeout,
      @QueryParam("project_id") Long projectId,
      @QueryParam("agent_id") String agentId);

  /**
   * E28 {@code GET /api/v1/tasks}: tasks filtered by status, target role, project, newest first.
   */
  @GET
  @Path("api/v1/tasks")
  List<TaskResponse> listTasks(
      @QueryParam("status") TaskStatus status,
      @QueryParam("role") AgentRole role,
      @QueryParam("project_id") Long projectId,
      @QueryParam("limit") Integer limit);

  /** E29 {@code GET /api/v1/tasks/{task_id}}: one task. */
  @GET
  @Path("api/v1/tasks/{task_id}")
  TaskResponse getTask(@PathParam("task_id") long taskId);

  /** E30 {@code POST /api/v1/tasks/{task_id}/lock}: the agent takes the task (409 if taken). */
  @POST
  @Path("api/v1/tasks/{task_id}/lock")
  TaskResponse lockTask(@PathParam("task_id") long taskId, @QueryParam("agent_id") String agentId);

  /** E31 {@code PUT /api/v1/tasks/{task_id}/status}: moves the task on; says what to do next. */
  @PUT
  @Path("api/v1/tasks/{task_id}/status")
  TaskStatusUpdateResponse updateTaskStatus(
      @PathParam("task_id") long taskId,
      @QueryParam("agent_id") String agentId,
      TaskStatusUpdate update);

  /** E32 {@code POST /api/v1/tasks/{task_id}/assign}: a project PM hands the task to an agent. */
  @POST
  @Path("api/v1/tasks/{task_id}/assign")
  TaskResponse assignTask(
      @PathParam("task_id") long taskId,
      @QueryParam("target_agent_id") String targetAgentId,
      @QueryParam("assigner_agent_id") String assignerAgentId);

  /** E33 {@code POST /api/v1/tasks/{task_id}/comment}: appends to the notes, mentions @names. */
  @POST
  @Path("api/v1/tasks/{task_id}/comment")
  MessageResponse commentOnTask(
      @PathParam("task_id") long taskId,
      @QueryParam("agent_id") String agentId,
      TaskComment comment);

  /** E34 {@code DELETE /api/v1/tasks/{task_id}}: a PM deletes a task. */
  @DELETE
  @Path("api/v1/tasks/{task_id}")
  MessageResponse deleteTask(
      @PathParam("task_id") long taskId, @QueryParam("agent_id") String agentId);

  // --- API-ADDENDUM A3.2 Editing and completing tasks ----------------------------------------

  /** E59 {@code PUT /api/v1/tasks/{task_id}/details}: the project's dashboard-user edits a task. */
  @PUT
  @Path("api/v1/tasks/{task_id}/details")
  TaskResponse editTaskDetails(
      @PathParam("task_id") long taskId,
      @QueryParam("agent_id") String agentId,
      TaskDetailsUpdate details);

  /** E60 {@code PUT /api/v1/tasks/{task_id}/complete}: a PM or the dashboard closes a task. */
  @PUT
  @Path("api/v1/tasks/{task_id}/complete")
  TaskResponse completeTask(
      @PathParam("task_id") long taskId,
      @QueryParam("target_status") TaskStatus targetStatus,
      @QueryParam("agent_id") String agentId);

  // --- API-ADDENDUM A3.3 Time tracking --------------------------------------------------------

  /**
   * E61 {@code POST /api/v1/tasks/{task_id}/time}: the dashboard-user records (or removes) time.
   */
  @POST
  @Path("api/v1/tasks/{task_id}/time")
  TimeEntryResponse addTimeEntry(
      @PathParam("task_id") long taskId,
      @QueryParam("agent_id") String agentId,
      TimeEntryCreate entry);

  /** E62 {@code GET /api/v1/tasks/{task_id}/time}: a task's time entries, newest first, and sum. */
  @GET
  @Path("api/v1/tasks/{task_id}/time")
  TaskTimeTrackingResponse listTimeEntries(@PathParam("task_id") long taskId);

  /** E63 {@code DELETE /api/v1/time-entries/{entry_id}}: the dashboard-user deletes an entry. */
  @DELETE
  @Path("api/v1/time-entries/{entry_id}")
  MessageResponse deleteTimeEntry(
      @PathParam("entry_id") long entryId, @QueryParam("agent_id") String agentId);

  // --- 3.8 Changelog --------------------------------------------------------------------------

  /** E35 {@code GET /api/v1/changelog}: status transitions, newest first (default 50). */
  @GET
  @Path("api/v1/changelog")
  List<ChangelogResponse> changelog(
      @QueryParam("limit") Integer limit,
      @QueryParam("project_id") Long projectId,
      @QueryParam("task_id") Long taskId);

  // --- 3.9 Documents --------------------------------------------------------------------------

  /** E36 {@code POST /api/v1/documents}: posts a document, mentioning the @names in it. */
  @POST
  @Path("api/v1/documents")
  DocumentResponse createDocument(
      @QueryParam("author_id") String authorId,
      @QueryParam("project_id") Long projectId,
      DocumentCreate document);

  /** E37 {@code GET /api/v1/documents}: unexpired documents, newest first. */
  @GET
  @Path("api/v1/documents")
  List<DocumentResponse> listDocuments(
      @QueryParam("project_id") Long projectId,
      @QueryParam("doc_type") DocumentType docType,
      @QueryParam("author_id") String authorId,
      @QueryParam("limit") Integer limit);

  /** E38 {@code GET /api/v1/documents/{document_id}}: one document. */
  @GET
  @Path("api/v1/documents/{document_id}")
  DocumentResponse getDocument(@PathParam("document_id") long documentId);

  /** E39 {@code PUT /api/v1/documents/{document_id}}: replaces the non-null fields. */
  @PUT
  @Path("api/v1/documents/{document_id}")
  DocumentResponse updateDocument(@PathParam("document_id") long documentId, DocumentUpdate update);

  /** E40 {@code DELETE /api/v1/documents/{document_id}}: deletes a document and its mentions. */
  @DELETE
  @Path("api/v1/documents/{document_id}")
  MessageResponse deleteDocument(@PathParam("document_id") long documentId);

  // --- 3.10 Mentions --------------------------------------------------------------------------

  /** E41 {@code GET /api/v1/mentions}: mentions of a project, of one agent if given. */
  @GET
  @Path("api/v1/mentions")
  List<MentionResponse> listMentions(
      @QueryParam("project_id") Long projectId,
      @QueryParam("agent_id") String agentId,
      @QueryParam("unread_only") Boolean unreadOnly,
      @QueryParam("limit") Integer limit);

  /** E42 {@code GET /api/v1/mentions/by-role}: mentions of the agents of one role. */
  @GET
  @Path("api/v1/mentions/by-role")
  List<MentionResponse> listMentionsByRole(
      @QueryParam("project_id") Long projectId,
      @QueryParam("role") AgentRole role,
      @QueryParam("unread_only") Boolean unreadOnly,
      @QueryParam("limit") Integer limit);

  /** E43 {@code PUT /api/v1/mentions/{mention_id}/read}: the mentioned agent marks it read. */
  @PUT
  @Path("api/v1/mentions/{mention_id}/read")
  MentionResponse markMentionRead(
      @PathParam("mention_id") long mentionId, @QueryParam("agent_id") String agentId);

  // --- 3.11 Services --------------------------------------------------------------------------

  /** E44 {@code POST /api/v1/services/register}: registers (or takes over) a service. */
  @POST
  @Path("api/v1/services/register")
  ServiceResponse registerService(
      @QueryParam("agent_id") String agentId,
      @QueryParam("project_id") Long projectId,
      ServiceRegistration service);

  /** E45 {@code GET /api/v1/services}: the services of a project, by name. */
  @GET
  @Path("api/v1/services")
  List<ServiceResponse> listServices(@QueryParam("project_id") Long projectId);

  /** E46 {@code POST /api/v1/services/{service_name}/heartbeat}: the owner says it is up. */
  @POST
  @Path("api/v1/services/{service_name}/heartbeat")
  ServiceResponse heartbeatService(
      @PathParam("service_name") String serviceName,
      @QueryParam("agent_id") String agentId,
      @QueryParam("project_id") Long projectId);

  /** E47 {@code DELETE /api/v1/services/{service_name}}: the owner removes its service. */
  @DELETE
  @Path("api/v1/services/{service_name}")
  MessageResponse unregisterService(
      @PathParam("service_name") String serviceName,
      @QueryParam("agent_id") String agentId,
      @QueryParam("project_id") Long projectId);

  // --- 3.12 Change feed -----------------------------------------------------------------------

  /**
   * E48 {@code GET /api/v1/changes}: what happened strictly after {@code since} (sent as ISO-8601
   * UTC); pass {@code last_timestamp} as the next {@code since}.
   */
  @GET
  @Path("api/v1/changes")
  ChangesResponse changes(
      @QueryParam("since") Instant since,
      @QueryParam("project_id") Long projectId,
      @QueryParam("agent_id") String agentId);

  // --- 3.13 Public read-only mirrors (no key needed) ------------------------------------------

  /** E49 {@code GET /api/v1/public/health}: as E4. */
  @GET
  @Path("api/v1/public/health")
  ApiHealth publicHealth();

  /** E50 {@code GET /api/v1/public/agents}: as E6. */
  @GET
  @Path("api/v1/public/agents")
  List<AgentResponse> publicAgents(@QueryParam("project_id") Long projectId);

  /** E51 {@code GET /api/v1/public/context/{project_id}}: as E18. */
  @GET
  @Path("api/v1/public/context/{project_id}")
  ProjectContextResponse publicProjectContext(@PathParam("project_id") long projectId);

  /** E52 {@code GET /api/v1/public/epics}: as E20. */
  @GET
  @Path("api/v1/public/epics")
  List<EpicResponse> publicEpics(@QueryParam("project_id") Long projectId);

  /** E53 {@code GET /api/v1/public/features/{epic_id}}: as E24. */
  @GET
  @Path("api/v1/public/features/{epic_id}")
  List<FeatureResponse> publicFeatures(@PathParam("epic_id") long epicId);

  /** E54 {@code GET /api/v1/public/tasks}: as E28. */
  @GET
  @Path("api/v1/public/tasks")
  List<TaskResponse> publicTasks(
      @QueryParam("status") TaskStatus status,
      @QueryParam("role") AgentRole role,
      @QueryParam("project_id") Long projectId,
      @QueryParam("limit") Integer limit);

  /**
   * E55 {@code GET /api/v1/public/tasks/next}: one immediate check (E27 with {@code simulate});
   * empty when there is no task (the API's {@code null}). {@code agent_id} is required.
   */
  @GET
  @Path("api/v1/public/tasks/next")
  Optional<TaskResponse> publicNextTask(
      @QueryParam("role") AgentRole role,
      @QueryParam("skill_level") DifficultyLevel skillLevel,
      @QueryParam("agent_id") String agentId,
      @QueryParam("project_id") Long projectId);

  /** E56 {@code GET /api/v1/public/changelog}: as E35. */
  @GET
  @Path("api/v1/public/changelog")
  List<ChangelogResponse> publicChangelog(
      @QueryParam("limit") Integer limit,
      @QueryParam("project_id") Long projectId,
      @QueryParam("task_id") Long taskId);

  /** E57 {@code GET /api/v1/public/projects}: as E11. */
  @GET
  @Path("api/v1/public/projects")
  List<ProjectResponse> publicProjects();

  /** E58 {@code GET /api/v1/context}: E18 for the default project (public). */
  @GET
  @Path("api/v1/context")
  ProjectContextResponse defaultProjectContext();
}
