package org.headlesspm.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Operational routes of a healthy server (API.md E1–E4, OPERATIONS.md 8.4). */
class HealthIT extends ApiTest {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ApiDeployment.freshApi();
  }

  @Test
  void theLegacyHealthDocumentsReportAHealthyDatabase() {
    anonymous()
        .get("/health")
        .then()
        .statusCode(200)
        .body("status", equalTo("healthy"))
        .body("service", equalTo("headless-pm-api"))
        .body("version", equalTo("2.0.0"))
        .body("pid", instanceOf(Integer.class))
        .body("database", equalTo("healthy"))
        .body("timestamp", notNullValue())
        .body("database_location", containsString("headless-pm.db"));
    anonymous()
        .get("/api/v1/health")
        .then()
        .statusCode(200)
        .body("status", equalTo("healthy"))
        .body("$", not(org.hamcrest.Matchers.hasKey("pid")))
        .body("$", not(org.hamcrest.Matchers.hasKey("depends_on")));
    anonymous()
        .get("/api/v1/public/health")
        .then()
        .statusCode(200)
        .body("database", equalTo("healthy"));
  }

  @Test
  void microProfileHealthIsServedByTheApplicationAndByPayaraAtItsNewPath() {
    anonymous()
        .get("/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItems("database", "schema", "projects-dir", "bootstrap"))
        .body("checks.find { it.name == 'database' }.data.journal_mode", equalTo("wal"));
    anonymous().get("/health/live").then().statusCode(200).body("checks.name", hasItems("jvm"));
    anonymous()
        .get("/health/started")
        .then()
        .statusCode(200)
        .body("checks.name", hasItems("bootstrap"));
    anonymous().get("/mp-health/ready").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void statusCountsEverythingAndTheRootPointsToTheDocs() {
    anonymous()
        .get("/status")
        .then()
        .statusCode(200)
        .body("service", equalTo("headless-pm-api"))
        .body("metrics.total_projects", greaterThanOrEqualTo(1))
        .body("metrics.total_agents", greaterThanOrEqualTo(1))
        .body("metrics.active_agents", greaterThanOrEqualTo(1))
        .body("metrics.total_tasks", greaterThanOrEqualTo(0))
        .body("metrics.total_documents", greaterThanOrEqualTo(0))
        .body("metrics.total_services", greaterThanOrEqualTo(0));
    anonymous()
        .get("/")
        .then()
        .statusCode(200)
        .body("message", equalTo("Headless PM API"))
        .body("docs", equalTo("/api/v1/docs"))
        .body("health", equalTo("ok"));
  }

  @Test
  void theInteractiveDocsAndTheOpenApiDocumentAreServed() {
    anonymous()
        .redirects()
        .follow(false)
        .get("/docs")
        .then()
        .statusCode(307)
        .header("Location", containsString("/api/v1/docs"));
    anonymous()
        .get("/api/v1/docs")
        .then()
        .statusCode(200)
        .contentType(containsString("text/html"))
        .body(containsString("swagger-ui"));
    anonymous().get("/api/v1/docs/swagger-ui-bundle.js").then().statusCode(200);
    anonymous()
        .get("/api/v1/openapi.json")
        .then()
        .statusCode(200)
        .body("openapi", org.hamcrest.Matchers.startsWith("3."))
        .body("info.title", equalTo("Headless PM API"));
  }
}
