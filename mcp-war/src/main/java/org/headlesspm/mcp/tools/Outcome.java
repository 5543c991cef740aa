package org.headlesspm.mcp.tools;

import java.util.Map;

/** A successful tool run: a short summary for the model and the structured data (MCP.md 3.0.4). */
public record Outcome(String summary, Map<String, Object> structured) {}
