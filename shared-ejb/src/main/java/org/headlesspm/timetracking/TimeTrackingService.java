package org.headlesspm.timetracking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.Durations;
import org.headlesspm.api.MessageResponse;
import org.headlesspm.api.TaskTimeTrackingResponse;
import org.headlesspm.api.TimeEntryCreate;
import org.headlesspm.api.TimeEntryResponse;
import org.headlesspm.storage.Writes;
import org.headlesspm.task.Task;
import org.headlesspm.task.TaskEvents;
import org.headlesspm.task.TaskService;

/**
 * Time spent on tasks (API-ADDENDUM.md E61–E63): the dashboard identity records and deletes
 * entries; anyone reads them. Recording time changes nothing else: no changelog row, no change
 * event, no wake-up.
 */
@ApplicationScoped
@Transactional
public class TimeTrackingService {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject TaskService tasks;
  @Inject TaskEvents events;

  @Writes
  public TimeEntryResponse add(long taskId, String agentId, TimeEntryCreate request) {
    Task task = requireTask(taskId);
    tasks.requireDashboard(
        agentId, events.projectOf(task.getFeatureId()), "Only dashboard user can add time entries");
    long minutes;
    try {
      minutes = Durations.parseMinutes(request.timeInput());
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
    String description =
        request.description() == null || request.description().isBlank()
            ? null
            : request.description();
    TimeEntry entry = new TimeEntry(taskId, minutes, description, agentId, clock.instant());
    em.persist(entry);
    em.flush();
    return toResponse(entry);
  }

  public TaskTimeTrackingResponse list(long taskId) {
    requireTask(taskId);
    List<TimeEntryResponse> entries =
        em
            .createQuery(
                "SELECT e FROM TimeEntry e WHERE e.taskId = :task"
                    + " ORDER BY e.createdAt DESC, e.id DESC",
                TimeEntry.class)
            .setParameter("task", taskId)
            .getResultList()
            .stream()
            .map(TimeTrackingService::toResponse)
            .toList();
    long total = entries.stream().mapToLong(TimeEntryResponse::minutes).sum();
    return new TaskTimeTrackingResponse(total, Durations.format(total), entries);
  }

  @Writes
  public MessageResponse delete(long entryId, String agentId) {
    TimeEntry entry = em.find(TimeEntry.class, entryId);
    if (entry == null) {
      throw ApiError.notFound("Time entry not found");
    }
    Task task = requireTask(entry.getTaskId());
    tasks.requireDashboard(
        agentId,
        events.projectOf(task.getFeatureId()),
        "Only dashboard user can delete time entries");
    em.remove(entry);
    return new MessageResponse("Time entry " + entryId + " deleted successfully");
  }

  private Task requireTask(long taskId) {
    Task task = em.find(Task.class, taskId);
    if (task == null) {
      throw ApiError.notFound("Task not found");
    }
    return task;
  }

  private static TimeEntryResponse toResponse(TimeEntry e) {
    return new TimeEntryResponse(
        e.getId(),
        e.getTaskId(),
        e.getMinutes(),
        e.getDescription(),
        e.getCreatedBy(),
        e.getCreatedAt());
  }
}
