package org.headlesspm.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.headlesspm.api.DocFileContent;
import org.headlesspm.api.DocFileList;
import org.headlesspm.api.DocFileWritten;
import org.headlesspm.api.ProjectCreate;
import org.headlesspm.api.ProjectDeleted;
import org.headlesspm.api.ProjectResponse;
import org.headlesspm.api.ProjectUpdate;
import org.headlesspm.project.ProjectFiles;
import org.headlesspm.project.ProjectFiles.ReadFile;
import org.headlesspm.project.ProjectService;
import org.headlesspm.rest.json.JsonBody;

/** Projects and their documentation files: E10–E17. */
@Path("api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class ProjectResource {

  /** Repository settings longer than this are refused with 422 (at least 255 must fit, A4.5). */
  private static final int MAX_SETTING = 4096;

  @Inject ProjectService projects;
  @Inject ProjectFiles files;

  @POST
  public ProjectResponse create(String body) {
    JsonBody json = JsonBody.parse(body);
    ProjectCreate request =
        new ProjectCreate(
            json.requiredName("name"),
            json.requiredText("description"),
            json.optionalText("shared_path"),
            json.optionalText("instructions_path"),
            json.optionalText("project_docs_path"),
            json.optionalText("code_guidelines_path"),
            json.text("repository_url", false, MAX_SETTING),
            json.text("repository_main_branch", false, MAX_SETTING),
            json.text("repository_clone_path", false, MAX_SETTING));
    json.check();
    return projects.create(request);
  }

  @GET
  public List<ProjectResponse> list() {
    return projects.list();
  }

  @GET
  @Path("{project_id}")
  public ProjectResponse get(@PathParam("project_id") long projectId) {
    return projects.get(projectId);
  }

  @PATCH
  @Path("{project_id}")
  public ProjectResponse update(@PathParam("project_id") long projectId, String body) {
    JsonBody json = JsonBody.parseOptional(body);
    ProjectUpdate update =
        new ProjectUpdate(
            json.optionalText("description"),
            json.optionalText("shared_path"),
            json.optionalText("instructions_path"),
            json.optionalText("project_docs_path"),
            json.optionalText("code_guidelines_path"),
            json.text("repository_url", false, MAX_SETTING),
            json.text("repository_main_branch", false, MAX_SETTING),
            json.text("repository_clone_path", false, MAX_SETTING));
    json.check();
    return projects.update(projectId, update);
  }

  @DELETE
  @Path("{project_id}")
  public ProjectDeleted delete(
      @PathParam("project_id") long projectId,
      @QueryParam("force") @DefaultValue("false") Boolean force) {
    return projects.delete(projectId, force);
  }

  @GET
  @Path("{project_id}/docs")
  public DocFileList listFiles(@PathParam("project_id") long projectId) {
    return files.list(projectId);
  }

  /** UTF-8 files come back as JSON; anything else as a download. */
  @GET
  @Path("{project_id}/docs/{file_path: .+}")
  public Response readFile(
      @PathParam("project_id") long projectId, @PathParam("file_path") String filePath) {
    ReadFile file = files.read(projectId, filePath);
    if (file.text().isPresent()) {
      return Response.ok(
              new DocFileContent(filePath, file.text().get(), file.bytes().length, file.modified()),
              MediaType.APPLICATION_JSON_TYPE)
          .build();
    }
    return Response.ok(file.bytes(), MediaType.APPLICATION_OCTET_STREAM_TYPE)
        .header("Content-Disposition", "attachment; filename=\"" + file.name() + "\"")
        .build();
  }

  @POST
  @Path("{project_id}/docs/{file_path: .+}")
  public DocFileWritten writeFile(
      @PathParam("project_id") long projectId,
      @PathParam("file_path") String filePath,
      String body) {
    JsonBody json = JsonBody.parse(body);
    String content = json.requiredText("content");
    json.check();
    return files.write(projectId, filePath, content);
  }
}
