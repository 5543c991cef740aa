package org.headlesspm.admin;

import static org.headlesspm.api.JsonFactory.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * What an administration command answers: the text a terminal shows, the same facts as JSON, and
 * the exit code the calling script ({@code hpm cli}, {@code manage.sh cli}) returns.
 */
public record AdminReport(int exitCode, String text, JsonObject data) {

  public static AdminReport ok(String text, JsonObject data) {
    return new AdminReport(0, text, data);
  }

  /** The JSON answer: the command's data plus {@code exit_code} and the text as {@code output}. */
  public JsonObject json() {
    JsonObjectBuilder all = JSON.createObjectBuilder(data);
    all.add("exit_code", exitCode);
    all.add("output", text);
    return all.build();
  }
}
