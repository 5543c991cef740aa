package org.headlesspm.changes;

import static org.headlesspm.api.JsonFactory.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.headlesspm.api.ChangeEvent;
import org.headlesspm.api.ChangesResponse;
import org.headlesspm.document.Document;
import org.headlesspm.task.Changelog;

/**
 * What happened in a project strictly after a moment (API.md 4.10): documents created, documents
 * updated after their creation, and every task changelog row.
 */
@ApplicationScoped
@Transactional
public class ChangeFeed {

  private static final List<String> ORDER =
      List.of("document_created", "document_updated", "task_updated");

  @PersistenceContext EntityManager em;

  public ChangesResponse since(Instant since, long projectId) {
    List<Entry> entries = new ArrayList<>();
    for (Document d :
        em.createQuery(
                "SELECT d FROM Document d WHERE d.projectId = :project"
                    + " AND (d.createdAt > :since OR d.updatedAt > :since)",
                Document.class)
            .setParameter("project", projectId)
            .setParameter("since", since)
            .getResultList()) {
      if (d.getCreatedAt().isAfter(since)) {
        entries.add(new Entry("document_created", d.getCreatedAt(), d.getId(), documentData(d)));
      }
      if (d.getUpdatedAt().isAfter(since) && d.getUpdatedAt().isAfter(d.getCreatedAt())) {
        entries.add(new Entry("document_updated", d.getUpdatedAt(), d.getId(), documentData(d)));
      }
    }
    for (Object[] row :
        em.createQuery(
                "SELECT c, t.title FROM Changelog c, Task t, Feature f, Epic e"
                    + " WHERE c.taskId = t.id AND t.featureId = f.id AND f.epicId = e.id"
                    + " AND e.projectId = :project AND c.changedAt > :since",
                Object[].class)
            .setParameter("project", projectId)
            .setParameter("since", since)
            .getResultList()) {
      Changelog c = (Changelog) row[0];
      JsonObjectBuilder data =
          JSON.createObjectBuilder()
              .add("task_id", c.getTaskId())
              .add("title", (String) row[1])
              .add("old_status", c.getOldStatus().name())
              .add("new_status", c.getNewStatus().name())
              .add("changed_by", c.getChangedBy());
      if (c.getNotes() == null) {
        data.addNull("notes");
      } else {
        data.add("notes", c.getNotes());
      }
      entries.add(new Entry("task_updated", c.getChangedAt(), c.getId(), data));
    }
    entries.sort(
        Comparator.comparing(Entry::timestamp)
            .thenComparing(e -> ORDER.indexOf(e.type()))
            .thenComparing(Entry::id));
    List<ChangeEvent> changes =
        entries.stream()
            .map(e -> new ChangeEvent(e.type(), e.timestamp(), e.data().build()))
            .toList();
    Instant last = changes.isEmpty() ? since : changes.get(changes.size() - 1).timestamp();
    return new ChangesResponse(changes, last);
  }

  private static JsonObjectBuilder documentData(Document d) {
    return JSON.createObjectBuilder()
        .add("document_id", d.getId())
        .add("doc_type", d.getDocType().name())
        .add("title", d.getTitle())
        .add("author_id", d.getAuthorId());
  }

  private record Entry(String type, Instant timestamp, long id, JsonObjectBuilder data) {}
}
