package org.headlesspm.rest;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the integration tests: they call the deployed API over HTTP as any client would. Each
 * test class declares its own {@code @Deployment(testable = false)} through {@link ApiDeployment}.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class ApiTest {

  /** The key the failsafe configuration gives the server. */
  public static final String KEY = "test-key";

  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @ArquillianResource protected URL base;

  /** A request with the API key and JSON content type. */
  protected RequestSpecification api() {
    return given().baseUri(root()).header("X-API-Key", KEY).contentType(ContentType.JSON);
  }

  /** A request without any key. */
  protected RequestSpecification anonymous() {
    return given().baseUri(root()).contentType(ContentType.JSON);
  }

  protected String root() {
    String url = base.toString();
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** A name no other test uses. */
  protected static String unique(String prefix) {
    return prefix + "_" + SEQUENCE.incrementAndGet();
  }

  protected long defaultProjectId() {
    return api()
        .get("/api/v1/projects")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("find { it.name == 'Headless-PM' }.id");
  }

  protected long createProject(String name) {
    return api()
        .body(Map.of("name", name, "description", "test project"))
        .post("/api/v1/projects")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  protected JsonPath register(String agentId, long projectId, String role, String level) {
    return api()
        .body(Map.of("agent_id", agentId, "project_id", projectId, "role", role, "level", level))
        .post("/api/v1/register")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  protected long createEpic(String pm, long projectId) {
    return api()
        .queryParam("agent_id", pm)
        .queryParam("project_id", projectId)
        .body(Map.of("name", unique("epic"), "description", "an epic"))
        .post("/api/v1/epics")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  protected long createFeature(String pm, long epicId) {
    return api()
        .queryParam("agent_id", pm)
        .body(Map.of("epic_id", epicId, "name", unique("feature"), "description", "a feature"))
        .post("/api/v1/features")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("id");
  }

  /** A feature in a new epic of the project, planned by a new project PM. */
  protected long newFeature(long projectId) {
    String pm = unique("pm");
    register(pm, projectId, "project_pm", "principal");
    return createFeature(pm, createEpic(pm, projectId));
  }

  protected JsonPath createTask(
      String creator, long featureId, String targetRole, String difficulty) {
    return api()
        .queryParam("agent_id", creator)
        .body(
            Map.of(
                "feature_id",
                featureId,
                "title",
                unique("task"),
                "description",
                "do it",
                "target_role",
                targetRole,
                "difficulty",
                difficulty,
                "branch",
                "feature/x"))
        .post("/api/v1/tasks/create")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  protected long createTaskId(
      String creator, long featureId, String targetRole, String difficulty) {
    return createTask(creator, featureId, targetRole, difficulty).getLong("id");
  }

  protected JsonPath availability(String agentId, long projectId) {
    return api()
        .queryParam("project_id", projectId)
        .get("/api/v1/agents/{a}/availability", agentId)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }
}
