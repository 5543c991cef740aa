package org.headlesspm.dashboard.web;

import java.util.List;
import org.headlesspm.api.TaskStatus;

/** The six Kanban columns in workflow order; pending tasks show in CREATED with a marker. */
public final class Board {

  public static final List<TaskStatus> COLUMNS =
      List.of(
          TaskStatus.created,
          TaskStatus.under_work,
          TaskStatus.dev_done,
          TaskStatus.qa_done,
          TaskStatus.documentation_done,
          TaskStatus.committed);

  private Board() {}

  public static TaskStatus columnOf(TaskStatus status) {
    return status == TaskStatus.pending ? TaskStatus.created : status;
  }
}
