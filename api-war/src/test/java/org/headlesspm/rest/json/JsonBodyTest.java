package org.headlesspm.rest.json;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.headlesspm.api.AgentRole;
import org.headlesspm.api.DifficultyLevel;
import org.headlesspm.api.DocumentType;
import org.headlesspm.api.FieldError;
import org.headlesspm.api.InvalidRequest;
import org.headlesspm.api.ServiceStatus;
import org.headlesspm.api.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The request-body reader: the 422 rules of API.md 1.5, 1.6, 1.8 and 2.1. */
class JsonBodyTest {

  /** The single error a body reader collected once {@link JsonBody#check()} runs. */
  private static FieldError onlyError(JsonBody body) {
    List<FieldError> errors = assertThrows(InvalidRequest.class, body::check).errors();
    assertEquals(1, errors.size(), errors.toString());
    return errors.get(0);
  }

  private static JsonBody body(String json) {
    return JsonBody.parse(json.replace('\'', '"'));
  }

  // --- the body as a whole -----------------------------------------------------------------

  @ParameterizedTest(name = "\"{0}\"")
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\n\t"})
  void refusesAMissingBodyAtTheBodyLocation(String text) {
    InvalidRequest error = assertThrows(InvalidRequest.class, () -> JsonBody.parse(text));
    assertEquals(
        List.of(new FieldError(List.of("body"), "Field required", "missing")), error.errors());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{",
        "{} x",
        "{}{}",
        "{\"title\": }",
        "not json",
        "{'title': 'x'}",
        "{\"a\": 1,}",
        "[1, 2"
      })
  void refusesMalformedJsonAsJsonInvalid(String text) {
    InvalidRequest error = assertThrows(InvalidRequest.class, () -> JsonBody.parse(text));
    assertEquals(1, error.errors().size());
    FieldError only = error.errors().get(0);
    assertEquals("json_invalid", only.type());
    assertEquals("body", only.loc().get(0));
    assertEquals("JSON decode error", only.msg());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"[]", "[{\"title\": \"x\"}]", "1", "\"text\"", "true", "null"})
  void refusesABodyThatIsNoObject(String text) {
    InvalidRequest error = assertThrows(InvalidRequest.class, () -> JsonBody.parse(text));
    assertEquals(1, error.errors().size());
    FieldError only = error.errors().get(0);
    assertEquals(List.of("body"), only.loc());
    assertEquals("model_attributes_type", only.type());
  }

  @Test
  void acceptsAnEmptyObject() {
    JsonBody body = JsonBody.parse("{}");
    assertNull(body.optionalText("title"));
    assertDoesNotThrow(body::check);
  }

  @Test
  void acceptsWhitespaceAroundTheObject() {
    JsonBody body = JsonBody.parse("  \n{\"title\": \"x\"}\n\t ");
    assertEquals("x", body.requiredText("title"));
    assertDoesNotThrow(body::check);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void readsAMissingOptionalBodyAsEmpty(String text) {
    JsonBody body = JsonBody.parseOptional(text);
    assertNull(body.optionalText("name"));
    assertNull(body.optionalInt("limit"));
    assertDoesNotThrow(body::check);
  }

  @Test
  void stillRefusesAMalformedOptionalBody() {
    InvalidRequest error = assertThrows(InvalidRequest.class, () -> JsonBody.parseOptional("{"));
    assertEquals("json_invalid", error.errors().get(0).type());
  }

  // --- required fields, nulls and unknown fields ----------------------------------------------

  @Test
  void listsEveryMissingRequiredFieldAtOnce() {
    JsonBody body = body("{'description': 'only this'}");
    assertNull(body.requiredText("title"));
    assertNull(body.requiredInteger("feature_id"));
    assertNull(body.enumValue("target_role", AgentRole.class, true));
    assertNull(body.requiredName("agent_id"));
    InvalidRequest error = assertThrows(InvalidRequest.class, body::check);
    assertEquals(
        List.of(
            new FieldError(List.of("body", "title"), "Field required", "missing"),
            new FieldError(List.of("body", "feature_id"), "Field required", "missing"),
            new FieldError(List.of("body", "target_role"), "Field required", "missing"),
            new FieldError(List.of("body", "agent_id"), "Field required", "missing")),
        error.errors());
  }

  @Test
  void listsMissingAndInvalidFieldsTogether() {
    JsonBody body = body("{'feature_id': 'abc', 'difficulty': 'expert'}");
    body.requiredText("title");
    body.requiredInteger("feature_id");
    body.enumValue("difficulty", DifficultyLevel.class, true);
    List<FieldError> errors = assertThrows(InvalidRequest.class, body::check).errors();
    assertEquals(
        List.of(
            List.of("body", "title"), List.of("body", "feature_id"), List.of("body", "difficulty")),
        errors.stream().map(FieldError::loc).toList());
    assertEquals(
        List.of("missing", "int_parsing", "enum"), errors.stream().map(FieldError::type).toList());
  }

  @Test
  void treatsJsonNullAsAbsent() {
    JsonBody body =
        body(
            "{'title': null, 'notes': null, 'limit': null, 'role': null, 'meta_data': null,"
                + " 'expires_at': null}");
    assertNull(body.optionalText("notes"));
    assertNull(body.optionalInt("limit"));
    assertNull(body.enumValue("role", AgentRole.class, false));
    assertNull(body.object("meta_data"));
    assertNull(body.timestamp("expires_at"));
    assertDoesNotThrow(body::check);
    assertNull(body.requiredText("title"));
    FieldError error = onlyError(body);
    assertEquals(List.of("body", "title"), error.loc());
    assertEquals("missing", error.type());
  }

  @Test
  void ignoresUnknownFields() {
    JsonBody body = body("{'title': 'Fix', 'surprise': [1, 2], 'nested': {'x': true}}");
    assertEquals("Fix", body.requiredText("title"));
    assertDoesNotThrow(body::check);
  }

  @Test
  void checkPassesWhenNothingWentWrong() {
    JsonBody body = body("{'title': 'Fix', 'feature_id': 3, 'role': 'qa'}");
    assertEquals("Fix", body.requiredText("title"));
    assertEquals(3L, body.requiredInteger("feature_id"));
    assertSame(AgentRole.qa, body.enumValue("role", AgentRole.class, true));
    assertDoesNotThrow(body::check);
  }

  // --- integers ---------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "{'n': 1}          | 1",
        "{'n': '1'}        | 1",
        "{'n': ' 42 '}     | 42",
        "{'n': -7}         | -7",
        "{'n': '-7'}       | -7",
        "{'n': 9007199254740993} | 9007199254740993",
      })
  void acceptsIntegersAndNumericStrings(String json, long expected) {
    JsonBody body = body(json);
    assertEquals(expected, body.requiredInteger("n"));
    assertDoesNotThrow(body::check);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'n': 1.5}",
        "{'n': '1.5'}",
        "{'n': 'abc'}",
        "{'n': ''}",
        "{'n': '1 2'}",
        "{'n': 99999999999999999999}",
      })
  void refusesFractionsAndNonNumbersAsIntParsing(String json) {
    JsonBody body = body(json);
    assertNull(body.requiredInteger("n"));
    FieldError error = onlyError(body);
    assertEquals(List.of("body", "n"), error.loc());
    assertEquals("int_parsing", error.type());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{'n': true}", "{'n': false}", "{'n': [1]}", "{'n': {'v': 1}}"})
  void refusesBooleansAndStructuresAsIntType(String json) {
    JsonBody body = body(json);
    assertNull(body.requiredInteger("n"));
    FieldError error = onlyError(body);
    assertEquals(List.of("body", "n"), error.loc());
    assertEquals("int_type", error.type());
  }

  @Test
  void readsOptionalIntsWithinIntRange() {
    JsonBody body = body("{'a': 2147483647, 'b': '-2147483648', 'c': 2147483648}");
    assertEquals(Integer.MAX_VALUE, body.optionalInt("a"));
    assertEquals(Integer.MIN_VALUE, body.optionalInt("b"));
    assertNull(body.optionalInt("c"));
    assertNull(body.optionalInt("absent"));
    FieldError error = onlyError(body);
    assertEquals(List.of("body", "c"), error.loc());
    assertEquals("int_type", error.type());
  }

  // --- enums ------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "BACKEND_DEV, backend_dev",
    "Backend_Dev, backend_dev",
    "qa, qa",
    "pm, project_pm",
    "PM, project_pm",
    "GLOBAL_PM, global_pm",
  })
  void readsRolesCaseInsensitivelyWithLegacyPm(String raw, AgentRole expected) {
    JsonBody body = body("{'role': '" + raw + "'}");
    assertSame(expected, body.enumValue("role", AgentRole.class, true));
    assertDoesNotThrow(body::check);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "Created, created",
    "DEV_DONE, dev_done",
    "evaluation, qa_done",
    "Approved, committed",
  })
  void readsStatusesCaseInsensitivelyWithLegacyValues(String raw, TaskStatus expected) {
    JsonBody body = body("{'status': '" + raw + "'}");
    assertSame(expected, body.enumValue("status", TaskStatus.class, true));
    assertDoesNotThrow(body::check);
  }

  @Test
  void readsOtherEnumsCaseInsensitively() {
    JsonBody body = body("{'status': 'Up', 'doc_type': 'STANDUP', 'level': 'Senior'}");
    assertSame(ServiceStatus.up, body.enumValue("status", ServiceStatus.class, true));
    assertSame(DocumentType.standup, body.enumValue("doc_type", DocumentType.class, true));
    assertSame(DifficultyLevel.senior, body.enumValue("level", DifficultyLevel.class, true));
    assertDoesNotThrow(body::check);
  }

  @Test
  void refusesUnknownEnumValuesNamingTheAllowedOnes() {
    JsonBody body = body("{'status': 'pm'}");
    assertNull(body.enumValue("status", TaskStatus.class, true));
    FieldError error = onlyError(body);
    assertEquals(List.of("body", "status"), error.loc());
    assertEquals("enum", error.type());
    for (TaskStatus status : TaskStatus.values()) {
      assertTrue(error.msg().contains("'" + status + "'"), error.msg());
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{'level': 2}", "{'level': true}", "{'level': ['junior']}"})
  void refusesEnumValuesThatAreNoString(String json) {
    JsonBody body = body(json);
    assertNull(body.enumValue("level", DifficultyLevel.class, false));
    FieldError error = onlyError(body);
    assertEquals("enum", error.type());
    assertTrue(error.msg().contains("'junior', 'senior' or 'principal'"), error.msg());
  }

  @Test
  void leavesAnAbsentOptionalEnumNull() {
    JsonBody body = body("{}");
    assertNull(body.enumValue("complexity", DifficultyLevel.class, false));
    assertDoesNotThrow(body::check);
  }

  // --- objects ----------------------------------------------------------------------------

  @Test
  void readsMetaDataObjects() {
    JsonBody body = body("{'meta_data': {'a': 1, 'b': {'c': [true]}}}");
    JsonObject meta = body.object("meta_data");
    assertEquals(1, meta.getInt("a"));
    assertTrue(meta.getJsonObject("b").getJsonArray("c").getBoolean(0));
    assertDoesNotThrow(body::check);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "{'meta_data': []}",
        "{'meta_data': 'x'}",
        "{'meta_data': 1}",
        "{'meta_data': true}"
      })
  void refusesMetaDataThatIsNoObject(String json) {
    JsonBody body = body(json);
    assertNull(body.object("meta_data"));
    FieldError error = onlyError(body);
    assertEquals(List.of("body", "meta_data"), error.loc());
    assertEquals("dict_type", error.type());
  }

  // --- strings ----------------------------------------------------------------------------

  @Test
  void acceptsNamesUpTo255Characters() {
    String name = "n".repeat(JsonBody.MAX_NAME);
    JsonBody body = body("{'agent_id': '" + name + "'}");
    assertEquals(name, body.requiredName("agent_id"));
    assertDoesNotThrow(body::check);
  }

  @Test
  void refusesNamesLongerThan255Characters() {
    JsonBody body = body("{'agent_id': '" + "n".repeat(256) + "'}");
    assertNull(body.requiredName("agent_id"));
    FieldError error = onlyError(body);
    assertEquals(List.of("body", "agent_id"), error.loc());
    assertEquals("string_too_long", error.type());
    assertTrue(error.msg().contains("255"), error.msg());
  }

  @Test
  void appliesTheLimitGivenForAField() {
    JsonBody ok = body("{'title': '" + "t".repeat(200) + "'}");
    assertEquals(200, ok.text("title", true, 200).length());
    assertDoesNotThrow(ok::check);
    JsonBody tooLong = body("{'title': '" + "t".repeat(201) + "'}");
    assertNull(tooLong.text("title", true, 200));
    FieldError error = onlyError(tooLong);
    assertEquals("string_too_long", error.type());
    assertTrue(error.msg().contains("200"), error.msg());
  }

  @Test
  void leavesFreeTextUnlimited() {
    String content = "c".repeat(100_000);
    JsonBody body = body("{'content': '" + content + "'}");
    assertEquals(content, body.requiredText("content"));
    assertDoesNotThrow(body::check);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{'title': 1}", "{'title': true}", "{'title': {}}", "{'title': ['a']}"})
  void refusesTextThatIsNoString(String json) {
    JsonBody body = body(json);
    assertNull(body.requiredText("title"));
    FieldError error = onlyError(body);
    assertEquals(List.of("body", "title"), error.loc());
    assertEquals("string_type", error.type());
  }

  @Test
  void keepsEmptyStringsAsGiven() {
    JsonBody body = body("{'notes': ''}");
    assertEquals("", body.optionalText("notes"));
    assertDoesNotThrow(body::check);
  }

  // --- timestamps -------------------------------------------------------------------------

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2025-06-20T10:15:30, 2025-06-20T10:15:30Z",
    "2025-06-20T12:15:30+02:00, 2025-06-20T10:15:30Z",
    "2025-06-20, 2025-06-20T00:00:00Z",
  })
  void readsTimestampsAsUtc(String raw, Instant expected) {
    JsonBody body = body("{'expires_at': '" + raw + "'}");
    assertEquals(expected, body.timestamp("expires_at"));
    assertDoesNotThrow(body::check);
  }

  @Test
  void refusesTimestampsThatAreNoDateTime() {
    JsonBody body = body("{'a': 'tomorrow', 'b': 1750414530}");
    assertNull(body.timestamp("a"));
    assertNull(body.timestamp("b"));
    List<FieldError> errors = assertThrows(InvalidRequest.class, body::check).errors();
    assertEquals(
        List.of(List.of("body", "a"), List.of("body", "b")),
        errors.stream().map(FieldError::loc).toList());
    assertEquals(
        List.of("datetime_from_date_parsing", "datetime_type"),
        errors.stream().map(FieldError::type).toList());
  }

  // --- InvalidRequest and FieldError ------------------------------------------------------

  @Test
  void invalidRequestCarriesFieldErrorsWithLocMsgAndType() {
    FieldError missing = FieldError.missing("query", "agent_id");
    FieldError invalid =
        FieldError.invalid("path", "task_id", "Input should be a valid integer", "int_parsing");
    InvalidRequest request = new InvalidRequest(List.of(missing, invalid));

    assertEquals(List.of(missing, invalid), request.errors());
    assertEquals(List.of("query", "agent_id"), missing.loc());
    assertEquals("Field required", missing.msg());
    assertEquals("missing", missing.type());
    assertEquals(List.of("path", "task_id"), invalid.loc());
    assertEquals("Input should be a valid integer", invalid.msg());
    assertEquals("int_parsing", invalid.type());
    assertEquals("Field required", request.getMessage());
  }

  @Test
  void invalidRequestKeepsItsOwnCopyOfTheErrors() {
    List<FieldError> errors = new java.util.ArrayList<>(List.of(FieldError.missing("body", "a")));
    InvalidRequest request = new InvalidRequest(errors);
    errors.add(FieldError.missing("body", "b"));
    assertEquals(1, request.errors().size());
    assertThrows(
        UnsupportedOperationException.class,
        () -> request.errors().add(FieldError.missing("body", "c")));
  }

  @Test
  void aSingleErrorRequestListsThatError() {
    FieldError error =
        FieldError.invalid("body", "limit", "Input should be greater than 0", "greater_than");
    assertEquals(List.of(error), new InvalidRequest(error).errors());
  }
}
