package org.headlesspm.rest;

import static org.headlesspm.api.JsonFactory.JSON;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.headlesspm.admin.AdminDashboard;
import org.headlesspm.admin.AdminReport;
import org.headlesspm.admin.DatabaseAdmin;
import org.headlesspm.admin.Listings;
import org.headlesspm.admin.OnlineBackup;
import org.headlesspm.admin.SampleData;
import org.headlesspm.admin.SanityCheck;

/**
 * The reference CLI as key-protected routes (OPERATIONS.md 5.3): a text table when the request
 * prefers {@code text/plain} (what {@code hpm cli} and {@code manage.sh cli} send), JSON otherwise,
 * and the script's exit code in {@value #EXIT_CODE}.
 */
@Path("api/v1/admin")
@Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
public class AdminResource {

  public static final String EXIT_CODE = "X-HPM-Exit-Code";

  private static final Logger LOG = Logger.getLogger(AdminResource.class.getName());

  @Context HttpHeaders headers;
  @Inject DatabaseAdmin database;
  @Inject Listings listings;
  @Inject SampleData samples;
  @Inject SanityCheck sanity;
  @Inject AdminDashboard dashboard;
  @Inject OnlineBackup backups;

  @POST
  @Path("init")
  public Response init() {
    return answer(database.init());
  }

  @POST
  @Path("reset")
  public Response reset(@QueryParam("confirm") String confirm) {
    return answer(database.reset(confirm));
  }

  @POST
  @Path("seed")
  public Response seed(@QueryParam("project_id") Long projectId) {
    return answer(samples.seed(projectId));
  }

  @GET
  @Path("status")
  public Response status() {
    return answer(database.status());
  }

  @GET
  @Path("tasks")
  public Response tasks(@QueryParam("status") String status, @QueryParam("role") String role) {
    return answer(listings.tasks(status, role));
  }

  @GET
  @Path("agents")
  public Response agents() {
    return answer(listings.agents());
  }

  @GET
  @Path("services")
  public Response services() {
    return answer(listings.services());
  }

  @GET
  @Path("projects")
  public Response projects() {
    return answer(listings.projects());
  }

  @GET
  @Path("documents")
  public Response documents(@QueryParam("doc_type") String docType) {
    return answer(listings.documents(docType));
  }

  @GET
  @Path("dashboard")
  public Response dashboard() {
    return answer(dashboard.snapshot());
  }

  /** Exit code 2 when the check itself could not run (reference sanity tool). */
  @POST
  @Path("sanity-check")
  public Response sanityCheck(
      @QueryParam("fix") boolean fix,
      @QueryParam("check_only") String checkOnly,
      @QueryParam("verbose") boolean verbose) {
    var categories = SanityCheck.categories(checkOnly);
    AdminReport report;
    try {
      report = sanity.run(categories, fix, verbose);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Sanity check could not run", e);
      report =
          new AdminReport(
              2,
              "Sanity check could not run: " + e.getMessage() + "\n",
              JSON.createObjectBuilder().add("error", String.valueOf(e.getMessage())).build());
    }
    return answer(report);
  }

  @POST
  @Path("backup")
  public Response backup() {
    return answer(backups.backup());
  }

  @GET
  @Path("backups")
  public Response backups() {
    return answer(backups.list());
  }

  private Response answer(AdminReport report) {
    Response.ResponseBuilder response =
        wantsText()
            ? Response.ok(report.text(), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
            : Response.ok(report.json(), MediaType.APPLICATION_JSON_TYPE);
    return response.header(EXIT_CODE, report.exitCode()).build();
  }

  /** Text only when asked for before JSON: browsers and clients sending any type get JSON. */
  private boolean wantsText() {
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      if (type.isWildcardType()) {
        return false;
      }
      if (type.isCompatible(MediaType.TEXT_PLAIN_TYPE) && !type.isWildcardSubtype()) {
        return true;
      }
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
    }
    return false;
  }
}
