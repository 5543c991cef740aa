package org.headlesspm.mcp.tools;

/**
 * A tool could not do its work after its arguments were valid (MCP.md 3.0.5): becomes a result with
 * {@code isError: true} and this message, never a JSON-RPC error.
 */
public class ToolFailure extends RuntimeException {
  public ToolFailure(String message) {
    super(message);
  }
}
