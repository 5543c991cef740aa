package org.headlesspm.rest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Started in production with a template API key, the API answers but stays out of service and says
 * why (OPERATIONS.md 1.2, 8.4): readiness is down with the bootstrap check naming the key.
 */
class MisconfiguredServerIT extends ApiTest {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ApiDeployment.freshApiWith(
        "headless-pm.environment=production\nheadless-pm.api.key=development-key\n");
  }

  @Test
  void readinessStaysDownAndNamesTheTemplateKey() {
    anonymous()
        .get("/health/ready")
        .then()
        .statusCode(503)
        .body("status", equalTo("DOWN"))
        .body("checks.findAll { it.status == 'DOWN' }.name", hasItem("bootstrap"))
        .body("checks.find { it.name == 'bootstrap' }.data.error", containsString("placeholder"));
    anonymous().get("/health/started").then().statusCode(503);
    anonymous().get("/health/live").then().statusCode(200);
    anonymous().get("/health").then().statusCode(200).body("database", equalTo("healthy"));
  }
}
