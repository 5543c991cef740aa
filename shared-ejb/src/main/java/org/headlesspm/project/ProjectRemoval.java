package org.headlesspm.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.headlesspm.api.ProjectDeleted.DeletedEntities;
import org.headlesspm.storage.NativeSql;
import org.headlesspm.task.TaskRemoval;

/** Everything a force-deleted project takes with it (API.md 2.3); its folders stay. */
@ApplicationScoped
public class ProjectRemoval {

  @PersistenceContext EntityManager em;
  @Inject TaskRemoval tasks;

  public DeletedEntities count(long projectId) {
    return new DeletedEntities(
        NativeSql.number(em, "SELECT COUNT(*) FROM agent WHERE project_id = ?1", projectId),
        NativeSql.number(em, "SELECT COUNT(*) FROM epic WHERE project_id = ?1", projectId),
        NativeSql.number(
            em, "SELECT COUNT(*) FROM (" + TaskRemoval.TASKS_OF_PROJECT + ")", projectId),
        NativeSql.number(em, "SELECT COUNT(*) FROM document WHERE project_id = ?1", projectId),
        NativeSql.number(em, "SELECT COUNT(*) FROM service WHERE project_id = ?1", projectId));
  }

  /** The project's dashboard-user records (one, normally), which do not count as use. */
  public long dashboardRecords(long projectId) {
    return NativeSql.number(
        em,
        "SELECT COUNT(*) FROM agent WHERE project_id = ?1 AND agent_id = 'dashboard-user'",
        projectId);
  }

  /** Deletes every row that belongs to the project, in foreign-key order, but not the project. */
  public void removeEverything(long projectId) {
    tasks.remove(TaskRemoval.TASKS_OF_PROJECT, projectId);
    NativeSql.update(
        em,
        "DELETE FROM feature WHERE epic_id IN (SELECT id FROM epic WHERE project_id = ?1)",
        projectId);
    NativeSql.update(em, "DELETE FROM epic WHERE project_id = ?1", projectId);
    NativeSql.update(
        em,
        "DELETE FROM mention WHERE project_id = ?1"
            + " OR document_id IN (SELECT id FROM document WHERE project_id = ?1)",
        projectId);
    NativeSql.update(em, "DELETE FROM document WHERE project_id = ?1", projectId);
    NativeSql.update(em, "DELETE FROM service WHERE project_id = ?1", projectId);
    // A global PM of this project may have created tasks elsewhere: they keep created_by.
    NativeSql.update(
        em,
        "UPDATE task SET created_by_id = NULL"
            + " WHERE created_by_id IN (SELECT id FROM agent WHERE project_id = ?1)",
        projectId);
    NativeSql.update(em, "DELETE FROM agent WHERE project_id = ?1", projectId);
  }
}
