package org.headlesspm.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.DocumentCreate;
import org.headlesspm.api.DocumentResponse;
import org.headlesspm.api.DocumentType;
import org.headlesspm.api.DocumentUpdate;
import org.headlesspm.api.MessageResponse;
import org.headlesspm.project.ProjectService;
import org.headlesspm.storage.Writes;

/** Documents agents write to each other, and the mentions their content carries. */
@ApplicationScoped
@Transactional
public class DocumentService {

  /** Longest content accepted, in characters (API.md 4.9). */
  public static final int MAX_CONTENT = 50_000;

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject ProjectService projects;
  @Inject MentionService mentions;

  @Writes
  public DocumentResponse create(long projectId, String authorId, DocumentCreate request) {
    checkContent(request.content());
    projects.require(projectId);
    Document document =
        new Document(
            projectId,
            request.docType(),
            authorId,
            request.title(),
            request.content(),
            request.metaData(),
            request.expiresAt(),
            clock.instant());
    em.persist(document);
    em.flush();
    mentions.recordForDocument(projectId, document.getId(), document.getContent(), authorId);
    em.flush();
    return toResponse(document, namesOf(List.of(document.getId())));
  }

  /** Unexpired documents of a project, newest first. */
  public List<DocumentResponse> list(
      long projectId, DocumentType type, String authorId, int limit) {
    StringBuilder where =
        new StringBuilder(
            " WHERE d.projectId = :project AND (d.expiresAt IS NULL OR d.expiresAt > :now)");
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("project", projectId);
    parameters.put("now", clock.instant());
    if (type != null) {
      where.append(" AND d.docType = :type");
      parameters.put("type", type);
    }
    if (authorId != null) {
      where.append(" AND d.authorId = :author");
      parameters.put("author", authorId);
    }
    var query =
        em.createQuery(
                "SELECT d FROM Document d" + where + " ORDER BY d.createdAt DESC, d.id DESC",
                Document.class)
            .setMaxResults(limit);
    parameters.forEach(query::setParameter);
    List<Document> documents = query.getResultList();
    Map<Long, List<String>> names = namesOf(documents.stream().map(Document::getId).toList());
    return documents.stream().map(d -> toResponse(d, names)).toList();
  }

  public DocumentResponse get(long documentId) {
    Document document = require(documentId);
    return toResponse(document, namesOf(List.of(documentId)));
  }

  @Writes
  public DocumentResponse update(long documentId, DocumentUpdate request) {
    if (request.content() != null) {
      checkContent(request.content());
    }
    Document document = require(documentId);
    document.update(request.title(), request.content(), request.metaData(), clock.instant());
    if (request.content() != null) {
      em.createQuery("DELETE FROM Mention m WHERE m.documentId = :doc")
          .setParameter("doc", documentId)
          .executeUpdate();
      mentions.recordForDocument(
          document.getProjectId(), documentId, document.getContent(), document.getAuthorId());
    }
    em.flush();
    return toResponse(document, namesOf(List.of(documentId)));
  }

  @Writes
  public MessageResponse delete(long documentId) {
    require(documentId);
    em.createQuery("DELETE FROM Mention m WHERE m.documentId = :doc")
        .setParameter("doc", documentId)
        .executeUpdate();
    em.createQuery("DELETE FROM Document d WHERE d.id = :doc")
        .setParameter("doc", documentId)
        .executeUpdate();
    em.clear();
    return new MessageResponse("Document deleted successfully");
  }

  private Document require(long documentId) {
    Document document = em.find(Document.class, documentId);
    if (document == null) {
      throw ApiError.notFound(
          "Document with ID " + documentId + " not found. Please verify the document ID exists.");
    }
    return document;
  }

  private static void checkContent(String content) {
    if (content.length() > MAX_CONTENT) {
      throw ApiError.badRequest("Document content exceeds maximum length of 50,000 characters");
    }
  }

  /** The mentioned handles of each document, in mention id order. */
  private Map<Long, List<String>> namesOf(List<Long> documentIds) {
    if (documentIds.isEmpty()) {
      return Map.of();
    }
    return em
        .createQuery(
            "SELECT m FROM Mention m WHERE m.documentId IN :docs ORDER BY m.id", Mention.class)
        .setParameter("docs", documentIds)
        .getResultList()
        .stream()
        .collect(
            Collectors.groupingBy(
                Mention::getDocumentId,
                Collectors.mapping(Mention::getMentionedAgentId, Collectors.toList())));
  }

  private static DocumentResponse toResponse(Document d, Map<Long, List<String>> names) {
    return new DocumentResponse(
        d.getId(),
        d.getProjectId(),
        d.getDocType(),
        d.getAuthorId(),
        d.getTitle(),
        d.getContent(),
        d.getMetaData(),
        d.getCreatedAt(),
        d.getUpdatedAt(),
        d.getExpiresAt(),
        names.getOrDefault(d.getId(), List.of()));
  }
}
