package org.headlesspm.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.headlesspm.agent.Agent;
import org.headlesspm.agent.AgentService.AgentDeleted;
import org.headlesspm.agent.AgentService.NextTaskLookup;
import org.headlesspm.api.AgentStatus;
import org.headlesspm.api.TaskResponse;

/** What the task workflow does for agent registration and deletion. */
@ApplicationScoped
public class AgentWork implements NextTaskLookup {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject TaskService tasks;
  @Inject TaskLocks locks;

  @Override
  public Optional<TaskResponse> selectNow(Agent agent) {
    return tasks.selectNow(agent.getRole(), agent.getLevel(), agent.getProjectId());
  }

  /**
   * A deleted agent's lock is released: the task goes back to its status before the lock, with a
   * {@code system} changelog row (API.md 4.4.5). Runs in the deleting transaction.
   */
  void onAgentDeleted(@Observes AgentDeleted deleted) {
    List<Task> held =
        em.createQuery("SELECT t FROM Task t WHERE t.lockedById = :agent", Task.class)
            .setParameter("agent", deleted.agentRecordId())
            .getResultList();
    Instant now = clock.instant();
    for (Task task : held) {
      locks.reclaim(
          task, AgentStatus.idle, "Lock released: agent " + deleted.agentId() + " deleted", now);
    }
  }
}
