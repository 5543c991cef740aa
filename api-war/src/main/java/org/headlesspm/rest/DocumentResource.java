package org.headlesspm.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.headlesspm.api.DocumentCreate;
import org.headlesspm.api.DocumentResponse;
import org.headlesspm.api.DocumentType;
import org.headlesspm.api.DocumentUpdate;
import org.headlesspm.api.MessageResponse;
import org.headlesspm.document.DocumentService;
import org.headlesspm.rest.json.JsonBody;
import org.headlesspm.rest.json.Required;

/** Documents: E36–E40. */
@Path("api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class DocumentResource {

  private static final int MAX_TITLE = 200;

  @Inject DocumentService documents;
  @Inject ProjectScope scope;

  @POST
  public DocumentResponse create(
      @QueryParam("author_id") String authorId,
      @QueryParam("project_id") Long projectId,
      String body) {
    Required.query("author_id", authorId);
    JsonBody json = JsonBody.parse(body);
    DocumentCreate request =
        new DocumentCreate(
            json.enumValue("doc_type", DocumentType.class, true),
            json.text("title", true, MAX_TITLE),
            json.requiredText("content"),
            json.object("meta_data"),
            json.timestamp("expires_at"));
    json.check();
    return documents.create(scope.resolve(projectId, authorId), authorId, request);
  }

  @GET
  public List<DocumentResponse> list(
      @QueryParam("project_id") Long projectId,
      @QueryParam("doc_type") DocumentType type,
      @QueryParam("author_id") String authorId,
      @QueryParam("limit") Integer limit) {
    return documents.list(
        scope.resolve(projectId, authorId), type, authorId, Required.limit(limit, 1000));
  }

  @GET
  @Path("{document_id}")
  public DocumentResponse get(@PathParam("document_id") long documentId) {
    return documents.get(documentId);
  }

  @PUT
  @Path("{document_id}")
  public DocumentResponse update(@PathParam("document_id") long documentId, String body) {
    JsonBody json = JsonBody.parseOptional(body);
    DocumentUpdate update =
        new DocumentUpdate(
            json.text("title", false, MAX_TITLE),
            json.optionalText("content"),
            json.object("meta_data"));
    json.check();
    return documents.update(documentId, update);
  }

  @DELETE
  @Path("{document_id}")
  public MessageResponse delete(@PathParam("document_id") long documentId) {
    return documents.delete(documentId);
  }
}
