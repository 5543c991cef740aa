package org.headlesspm.rest;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.MessageResponse;
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
import org.headlesspm.rest.json.JsonBody;
import org.headlesspm.rest.json.Required;
import org.headlesspm.task.TaskPolling;
import org.headlesspm.task.TaskService;
import org.headlesspm.timetracking.TimeTrackingService;

/** Tasks: E26–E34, and editing, completion and time tracking: E59–E62. */
@Path("api/v1/tasks")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class TaskResource {

  @Inject TaskService tasks;
  @Inject TaskPolling polling;
  @Inject TimeTrackingService time;

  @Resource ManagedExecutorService executor;

  @POST
  @Path("create")
  public TaskResponse create(@QueryParam("agent_id") String agentId, String body) {
    Required.query("agent_id", agentId);
    JsonBody json = JsonBody.parse(body);
    TaskComplexity complexity = json.enumValue("complexity", TaskComplexity.class, false);
    TaskCreate request =
        new TaskCreate(
            json.requiredInteger("feature_id"),
            json.requiredName("title"),
            json.requiredText("description"),
            json.enumValue("target_role", AgentRole.class, true),
            json.enumValue("difficulty", DifficultyLevel.class, true),
            complexity == null ? TaskComplexity.major : complexity,
            json.requiredName("branch"),
            json.parsedText("task_type", false, TaskType::parseInput, "enum"));
    json.check();
    return tasks.create(agentId, request);
  }

  /**
   * The next task for a role and level, waiting up to {@code timeout} seconds without holding a
   * thread; the answer is a task or {@code null}.
   */
  @GET
  @Path("next")
  public void next(
      @QueryParam("role") AgentRole role,
      @QueryParam("level") DifficultyLevel level,
      @QueryParam("simulate") @DefaultValue("false") Boolean simulate,
      @QueryParam("timeout") @DefaultValue("180") Integer timeout,
      @QueryParam("project_id") Long projectId,
      @QueryParam("agent_id") String agentId,
      @Suspended AsyncResponse answer) {
    if (role == null) {
      throw ApiError.badRequest(
          "Missing required parameter 'role'. Please provide a valid role (e.g., ?role=frontend_dev)");
    }
    if (level == null) {
      throw ApiError.badRequest(
          "Missing required parameter 'level'. Please provide a valid level (e.g., ?level=senior)");
    }
    var next = polling.next(role, level, projectId, agentId, simulate, timeout);
    BiConsumer<Optional<TaskResponse>, Throwable> reply =
        (task, failure) -> {
          if (failure != null) {
            answer.resume(failure);
          } else {
            answer.resume(JsonAnswers.orNull(task));
          }
        };
    if (next.isDone()) {
      // Answered at once: on this request thread. Handing it to the managed executor costs a
      // context capture whose service lookup scans jars (a tenth of a next-task request's CPU).
      next.whenComplete(reply);
    } else {
      next.whenCompleteAsync(reply, executor);
    }
  }

  @GET
  public List<TaskResponse> list(
      @QueryParam("status") TaskStatus status,
      @QueryParam("role") AgentRole role,
      @QueryParam("project_id") Long projectId,
      @QueryParam("limit") Integer limit) {
    return tasks.list(status, role, projectId, limit == null ? null : Required.limit(limit, 0));
  }

  @GET
  @Path("{task_id}")
  public TaskResponse get(@PathParam("task_id") long taskId) {
    return tasks.get(taskId);
  }

  @POST
  @Path("{task_id}/lock")
  public TaskResponse lock(
      @PathParam("task_id") long taskId, @QueryParam("agent_id") String agentId) {
    return tasks.lock(taskId, Required.query("agent_id", agentId));
  }

  @PUT
  @Path("{task_id}/status")
  public TaskStatusUpdateResponse updateStatus(
      @PathParam("task_id") long taskId, @QueryParam("agent_id") String agentId, String body) {
    Required.query("agent_id", agentId);
    JsonBody json = JsonBody.parse(body);
    TaskStatusUpdate update =
        new TaskStatusUpdate(
            json.enumValue("status", TaskStatus.class, true), json.optionalText("notes"));
    json.check();
    return tasks.updateStatus(taskId, agentId, update);
  }

  @POST
  @Path("{task_id}/assign")
  public TaskResponse assign(
      @PathParam("task_id") long taskId,
      @QueryParam("target_agent_id") String target,
      @QueryParam("assigner_agent_id") String assigner) {
    return tasks.assign(
        taskId,
        Required.query("target_agent_id", target),
        Required.query("assigner_agent_id", assigner));
  }

  @POST
  @Path("{task_id}/comment")
  public MessageResponse comment(
      @PathParam("task_id") long taskId, @QueryParam("agent_id") String agentId, String body) {
    Required.query("agent_id", agentId);
    JsonBody json = JsonBody.parse(body);
    String comment = json.requiredText("comment");
    json.check();
    return tasks.comment(taskId, agentId, comment);
  }

  /** E59: the dashboard corrects a task; every field is optional. */
  @PUT
  @Path("{task_id}/details")
  public TaskResponse editDetails(
      @PathParam("task_id") long taskId, @QueryParam("agent_id") String agentId, String body) {
    Required.query("agent_id", agentId);
    JsonBody json = JsonBody.parseOptional(body);
    TaskDetailsUpdate edit =
        new TaskDetailsUpdate(
            json.text("title", false, JsonBody.MAX_NAME),
            json.optionalText("description"),
            json.enumValue("target_role", AgentRole.class, false),
            json.enumValue("difficulty", DifficultyLevel.class, false),
            json.enumValue("complexity", TaskComplexity.class, false),
            json.parsedText("task_type", false, TaskType::parseInput, "enum"),
            json.text("branch", false, JsonBody.MAX_NAME));
    json.check();
    return tasks.editDetails(taskId, agentId, edit);
  }

  /** E60: a manager closes a task; a request body is ignored. */
  @PUT
  @Path("{task_id}/complete")
  public TaskResponse complete(
      @PathParam("task_id") long taskId,
      @QueryParam("target_status") TaskStatus target,
      @QueryParam("agent_id") String agentId) {
    return tasks.complete(
        taskId, Required.query("target_status", target), Required.query("agent_id", agentId));
  }

  /** E61: the dashboard records time spent (or removed) on a task. */
  @POST
  @Path("{task_id}/time")
  public TimeEntryResponse addTime(
      @PathParam("task_id") long taskId, @QueryParam("agent_id") String agentId, String body) {
    Required.query("agent_id", agentId);
    JsonBody json = JsonBody.parse(body);
    TimeEntryCreate entry =
        new TimeEntryCreate(
            json.textOrNumber("time_input", true), json.text("description", false, 500));
    json.check();
    return time.add(taskId, agentId, entry);
  }

  /** E62: every time entry of a task with their sum; {@code agent_id} is accepted and ignored. */
  @GET
  @Path("{task_id}/time")
  public TaskTimeTrackingResponse time(@PathParam("task_id") long taskId) {
    return time.list(taskId);
  }

  @DELETE
  @Path("{task_id}")
  public MessageResponse delete(
      @PathParam("task_id") long taskId, @QueryParam("agent_id") String agentId) {
    return tasks.delete(taskId, Required.query("agent_id", agentId));
  }
}
