package org.headlesspm.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.ProjectContextResponse;
import org.headlesspm.api.ProjectCreate;
import org.headlesspm.api.ProjectDeleted;
import org.headlesspm.api.ProjectDeleted.DeletedEntities;
import org.headlesspm.api.ProjectResponse;
import org.headlesspm.api.ProjectUpdate;
import org.headlesspm.project.Project.Repository;
import org.headlesspm.storage.Writes;

/** Projects: creation with their folders, reads with counts, updates, cascading deletion. */
@ApplicationScoped
@Transactional
public class ProjectService {

  /** The project every request without a project falls back to (API.md 4.12). */
  public static final String DEFAULT_PROJECT_NAME = "Headless-PM";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject ProjectFolders folders;
  @Inject ProjectRemoval removal;
  @Inject ProjectRepositories repositories;
  @Inject Event<ProjectCreated> created;

  @Writes
  public ProjectResponse create(ProjectCreate request) {
    String directory;
    try {
      directory = ProjectNames.directoryName(request.name());
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("Invalid project name: " + e.getMessage());
    }
    if (findByName(request.name()).isPresent()) {
      throw ApiError.badRequest("Project with name '" + request.name() + "' already exists");
    }
    for (Project other : em.createQuery("SELECT p FROM Project p", Project.class).getResultList()) {
      if (directory.equals(directoryOf(other))) {
        throw ApiError.badRequest(
            "Project directory '"
                + directory
                + "' is already used by project '"
                + other.getName()
                + "'");
      }
    }
    Repository repository = repositories.forNewProject(directory, request);
    folders.create(directory);
    Project project =
        new Project(
            request.name(),
            directory,
            request.description(),
            request.codeGuidelinesPath(),
            repository,
            clock.instant());
    em.persist(project);
    em.flush();
    // The dashboard record is added by an observer, in this transaction (API-ADDENDUM.md E10).
    created.fire(new ProjectCreated(project.getId()));
    return toResponse(project);
  }

  public List<ProjectResponse> list() {
    Map<Long, Long> agents =
        countPerProject("SELECT a.projectId, COUNT(a) FROM Agent a GROUP BY a.projectId");
    Map<Long, Long> epics =
        countPerProject("SELECT e.projectId, COUNT(e) FROM Epic e GROUP BY e.projectId");
    Map<Long, Long> tasks =
        countPerProject(
            "SELECT e.projectId, COUNT(t) FROM Task t, Feature f, Epic e"
                + " WHERE t.featureId = f.id AND f.epicId = e.id GROUP BY e.projectId");
    return em
        .createQuery("SELECT p FROM Project p ORDER BY p.id", Project.class)
        .getResultList()
        .stream()
        .map(
            p ->
                toResponse(
                    p,
                    agents.getOrDefault(p.getId(), 0L),
                    epics.getOrDefault(p.getId(), 0L),
                    tasks.getOrDefault(p.getId(), 0L)))
        .toList();
  }

  public ProjectResponse get(long id) {
    return toResponse(require(id));
  }

  @Writes
  public ProjectResponse update(long id, ProjectUpdate update) {
    Project project = require(id);
    Repository repository = repositories.afterUpdate(project, update);
    Instant now = clock.instant();
    project.update(update, now);
    project.changeRepository(repository, now);
    em.flush();
    return toResponse(project);
  }

  /** Start-up: projects written before repository settings existed get them (A4.5). */
  @Writes
  public void backfillRepositories() {
    for (Project project :
        em.createQuery("SELECT p FROM Project p", Project.class).getResultList()) {
      repositories
          .backfill(project)
          .ifPresent(repository -> project.changeRepository(repository, project.getUpdatedAt()));
    }
  }

  @Writes
  public ProjectDeleted delete(long id, boolean force) {
    Project project = require(id);
    DeletedEntities counts = removal.count(id);
    // Its own dashboard record does not make a project "used" (API-ADDENDUM.md E14).
    long entities = counts.total() - removal.dashboardRecords(id);
    if (!force && entities > 0) {
      throw ApiError.badRequest(
          "Cannot delete project with "
              + entities
              + " entities. Use force=true to delete anyway or remove entities first.");
    }
    removal.removeEverything(id);
    em.remove(project);
    return new ProjectDeleted("Project '" + project.getName() + "' deleted successfully", counts);
  }

  public ProjectContextResponse context(long id, String databaseType) {
    Project p = require(id);
    return new ProjectContextResponse(
        p.getId(),
        p.getName(),
        p.getSharedPath(),
        p.getInstructionsPath(),
        p.getProjectDocsPath(),
        p.getCodeGuidelinesPath(),
        p.repository().url(),
        p.repository().mainBranch(),
        p.repository().clonePath(),
        databaseType);
  }

  /** The project or 404 {@code Project with id <id> not found}. */
  public Project require(long id) {
    Project project = em.find(Project.class, id);
    if (project == null) {
      throw ApiError.notFound("Project with id " + id + " not found");
    }
    return project;
  }

  public Optional<Project> findByName(String name) {
    return em.createQuery("SELECT p FROM Project p WHERE p.name = :name", Project.class)
        .setParameter("name", name)
        .getResultStream()
        .findFirst();
  }

  /** {@code Headless-PM} if it exists, else the project with id 1 (API.md 4.12). */
  public Optional<Project> defaultProject() {
    return findByName(DEFAULT_PROJECT_NAME)
        .or(() -> Optional.ofNullable(em.find(Project.class, 1L)));
  }

  /** The folder name of a project, derived from its immutable name. */
  public static String directoryOf(Project project) {
    try {
      return ProjectNames.directoryName(project.getName());
    } catch (IllegalArgumentException legacyName) {
      return "project-" + project.getId();
    }
  }

  private ProjectResponse toResponse(Project p) {
    long id = p.getId();
    return toResponse(
        p,
        count("SELECT COUNT(a) FROM Agent a WHERE a.projectId = :p", id),
        count("SELECT COUNT(e) FROM Epic e WHERE e.projectId = :p", id),
        count(
            "SELECT COUNT(t) FROM Task t, Feature f, Epic e"
                + " WHERE t.featureId = f.id AND f.epicId = e.id AND e.projectId = :p",
            id));
  }

  private static ProjectResponse toResponse(Project p, long agents, long epics, long tasks) {
    return new ProjectResponse(
        p.getId(),
        p.getName(),
        p.getDescription(),
        p.getSharedPath(),
        p.getInstructionsPath(),
        p.getProjectDocsPath(),
        p.getCodeGuidelinesPath(),
        p.repository().url(),
        p.repository().mainBranch(),
        p.repository().clonePath(),
        p.getCreatedAt(),
        p.getUpdatedAt(),
        agents,
        epics,
        tasks);
  }

  private long count(String jpql, long projectId) {
    return em.createQuery(jpql, Long.class).setParameter("p", projectId).getSingleResult();
  }

  private Map<Long, Long> countPerProject(String jpql) {
    Map<Long, Long> counts = new HashMap<>();
    for (Object[] row : em.createQuery(jpql, Object[].class).getResultList()) {
      counts.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }
    return counts;
  }
}
