// Drives the Headless PM MCP server with the official TypeScript SDK over Streamable HTTP.
// Usage: node client.mjs <mcp-url>. Prints one JSON object with what it saw on stdout; exits 1
// (message on stderr) when something is not as expected. Run by TypeScriptClientIT.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const url = new URL(process.argv[2]);
const seen = {};

function check(condition, message) {
  if (!condition) {
    throw new Error(message);
  }
}

async function connect(name) {
  const transport = new StreamableHTTPClientTransport(url);
  const client = new Client({ name, version: "1.0.0" });
  await client.connect(transport);
  return { client, transport };
}

async function call(client, name, args, options) {
  const result = await client.callTool({ name, arguments: args }, undefined, options);
  return result;
}

function ok(result, what) {
  check(result.isError === false, `${what} failed: ${JSON.stringify(result.content)}`);
  return result.structuredContent;
}

async function main() {
  const pm = await connect("ts-pm");
  seen.protocolVersion = pm.transport.protocolVersion;
  seen.serverName = pm.client.getServerVersion().name;

  const tools = (await pm.client.listTools()).tools;
  seen.toolCount = tools.length;
  seen.toolNames = tools.map((t) => t.name);

  const suffix = Date.now().toString(36);
  const pmId = `pm_ts_${suffix}`;
  const devId = `frontend_ts_${suffix}`;
  ok(await call(pm.client, "register_agent", { agent_id: pmId, role: "project_pm" }), "register pm");
  const epic = ok(await call(pm.client, "create_epic", { name: `TS epic ${suffix}` }), "create_epic").epic;
  const feature = ok(await call(pm.client, "create_feature", { epic_id: epic.id, name: "TS feature" }), "create_feature").feature;
  const task = ok(
    await call(pm.client, "create_task", {
      feature_id: feature.id, title: `TS task ${suffix}`, description: "Written by the TypeScript SDK test.",
      complexity: "minor", role: "frontend_dev", skill_level: "principal",
    }),
    "create_task").task;

  const dev = await connect("ts-dev");
  ok(await call(dev.client, "register_agent", { agent_id: devId, role: "frontend_dev", skill_level: "principal" }), "register dev");
  const next = ok(await call(dev.client, "get_next_task", { wait_seconds: 0 }), "get_next_task").task;
  check(next && next.id === task.id, `get_next_task returned ${JSON.stringify(next)}, expected task ${task.id}`);
  const locked = ok(await call(dev.client, "lock_task", { task_id: task.id }), "lock_task").task;
  check(locked.status === "under_work" && locked.locked_by === devId, `lock gave ${JSON.stringify(locked)}`);
  const refused = await call(pm.client, "lock_task", { task_id: task.id });
  check(refused.isError === true, "a second lock must be refused with isError");
  seen.lockConflict = refused.content[0].text;
  const updated = ok(await call(dev.client, "update_task_status", { task_id: task.id, status: "dev_done", notes: "implemented" }), "update_task_status");
  check(updated.task.status === "dev_done", "status not dev_done");
  const doc = ok(await call(dev.client, "create_document", { title: "Dev report", content: "Ready for QA.", mentions: [pmId] }), "create_document").document;
  check(doc.mentions.includes(pmId), `document mentions ${doc.mentions}`);
  const mentions = ok(await call(pm.client, "get_mentions", { unread_only: true }), "get_mentions").mentions;
  check(mentions.some((m) => m.document_id === doc.id), "the pm does not see the mention");
  seen.workflow = "ok";

  // Long poll with progress notifications, then cancellation through an AbortSignal.
  const controller = new AbortController();
  let progress = [];
  const waiting = call(dev.client, "get_next_task", { role: "architect", skill_level: "junior", wait_seconds: 120 }, {
    signal: controller.signal,
    onprogress: (p) => {
      progress.push(p.progress);
      if (progress.length === 2) {
        controller.abort("test cancels");
      }
    },
  });
  let cancelled = false;
  try {
    await waiting;
  } catch (e) {
    cancelled = true;
  }
  seen.progress = progress;
  seen.cancelled = cancelled;
  check(cancelled, "get_next_task was not cancelled");
  check(progress.length >= 2 && progress[1] > progress[0], `progress not increasing: ${progress}`);

  const resources = (await pm.client.listResources()).resources.map((r) => r.uri);
  seen.resources = resources;
  check(resources.includes("headless-pm://tasks/list"), "tasks/list resource missing");
  const read = await pm.client.readResource({ uri: "headless-pm://tasks/list" });
  const listed = JSON.parse(read.contents[0].text);
  check(listed.some((t) => t.id === task.id), "tasks/list resource lacks the new task");

  const prompts = (await pm.client.listPrompts()).prompts.map((p) => p.name);
  seen.prompts = prompts;

  await pm.client.close();
  await dev.client.close();
  process.stdout.write(JSON.stringify(seen) + "\n");
}

main().catch((e) => {
  process.stderr.write(`FAILED: ${e && e.stack ? e.stack : e}\n${JSON.stringify(seen)}\n`);
  process.exit(1);
});
