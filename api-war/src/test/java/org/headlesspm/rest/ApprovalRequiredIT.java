package org.headlesspm.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * With TASK_APPROVAL_REQUIRED, new tasks wait in pending until a PM releases them (API.md 4.3.3).
 */
class ApprovalRequiredIT extends ApiTest {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return ApiDeployment.freshApiWith("headless-pm.tasks.approval-required=true\n");
  }

  @Test
  void newTasksStartPendingAndAreOfferedOnlyOnceAPmApprovesThem() throws Exception {
    long project = createProject(unique("Gate"));
    String pm = unique("pm");
    register(pm, project, "project_pm", "senior");
    String dev = unique("dev");
    register(dev, project, "backend_dev", "senior");
    long task =
        createTask(pm, createFeature(pm, createEpic(pm, project)), "backend_dev", "junior")
            .getLong("id");

    api().get("/api/v1/tasks/{id}", task).then().body("status", equalTo("pending"));
    api()
        .get("/api/v1/changelog?task_id=" + task)
        .then()
        .body("[0].old_status", equalTo("pending"))
        .body("[0].new_status", equalTo("pending"))
        .body("[0].notes", equalTo("Task created (pending)"));
    assertEquals(
        "null",
        api()
            .get(
                "/api/v1/tasks/next?simulate=true&role=backend_dev&level=senior&project_id="
                    + project)
            .asString()
            .trim());
    api().post("/api/v1/tasks/{id}/lock?agent_id=" + dev, task).then().statusCode(409);
    api()
        .queryParam("agent_id", dev)
        .body(Map.of("status", "created"))
        .put("/api/v1/tasks/{id}/status", task)
        .then()
        .statusCode(403);

    CompletableFuture<String> waiting =
        CompletableFuture.supplyAsync(
            () ->
                api()
                    .get(
                        "/api/v1/tasks/next?timeout=20&role=backend_dev&level=senior&project_id="
                            + project)
                    .asString());
    Thread.sleep(500);
    api()
        .queryParam("agent_id", pm)
        .body(Map.of("status", "created"))
        .put("/api/v1/tasks/{id}/status", task)
        .then()
        .statusCode(200)
        .body("task.status", equalTo("created"));
    assertTrue(
        waiting.get(5, TimeUnit.SECONDS).contains("\"id\":" + task), "approval wakes waiters");
    api()
        .get("/api/v1/changelog?task_id=" + task)
        .then()
        .body("[0].old_status", equalTo("pending"))
        .body("[0].new_status", equalTo("created"))
        .body("[0].changed_by", equalTo(pm));
  }
}
