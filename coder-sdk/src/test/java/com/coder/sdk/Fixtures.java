package com.coder.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.coder.sdk.internal.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import mockwebserver3.MockResponse;

/**
 * Shared test data: response bodies under {@code src/test/resources/fixtures/}, the IDs they use,
 * and small builders of mock answers.
 */
final class Fixtures {
  /** A token of Coder's shape: a 10-character ID, a hyphen and a 22-character secret. */
  static final String TOKEN = "Fx3kq9ZtBa-7hT2mW8pLxR4vN6cYs1dE0";

  /** The secret half of {@link #TOKEN}, which must never leak on its own either. */
  static final String TOKEN_SECRET = "7hT2mW8pLxR4vN6cYs1dE0";

  static final String JSON_UTF8 = "application/json; charset=utf-8";

  static final UUID DEFAULT_ORG = UUID.fromString("ecf2d960-5b37-4c0b-987b-e81648110773");
  static final UUID DATA_ORG = UUID.fromString("d897e3d8-4e0e-4efc-a319-3e7808bcf658");
  static final UUID LEGACY_ORG = UUID.fromString("c2bdefc7-2307-4d18-b688-e83441942ee0");

  static final UUID LICENSE_UUID = UUID.fromString("c0ff9367-8d3b-4ad6-a3be-88293d31537d");
  static final UUID DEPLOYMENT_ID = UUID.fromString("79158ec9-6216-4352-8f93-7fe567168f35");

  static final UUID OWNER = UUID.fromString("d941e028-5ca4-4925-b174-f72efab4d8a9");
  static final UUID DAEMON_A = UUID.fromString("d7b7f6c0-8e96-44ea-bb6e-ea73fa2c103d");
  static final UUID DAEMON_B = UUID.fromString("3dee5725-e080-4461-bdad-e836d2d19b2e");
  static final UUID TEMPLATE = UUID.fromString("90343e1b-8a80-476d-b512-1610f0148863");
  static final UUID TEMPLATE_VERSION = UUID.fromString("210caadf-385c-4c5a-9676-c49220f39f38");
  static final UUID WORKSPACE = UUID.fromString("fa880d7b-5158-4b7b-ba16-1c2c37510edb");
  static final UUID WORKSPACE_BUILD = UUID.fromString("8aba27ca-cf04-410f-ae23-0370af547cf7");
  static final UUID FILE = UUID.fromString("9ba584ca-fb51-4e5f-b09f-4fcc0d7c47f7");

  static final UUID PENDING_JOB = UUID.fromString("ce91ad96-1b3f-4c53-913e-3952d217841e");
  static final UUID RUNNING_JOB = UUID.fromString("42daf29d-bb44-465a-aed7-1dfb09dcf75e");
  static final UUID SUCCEEDED_JOB = UUID.fromString("b33808e6-6559-485d-8161-94e477382841");
  static final UUID FAILED_JOB = UUID.fromString("c75cde92-e8da-4daa-81b6-bff6c5a10c7c");
  static final UUID CANCELING_JOB = UUID.fromString("a7b4ac3f-f4d4-472f-b50b-7f14515e0f61");
  static final UUID CANCELED_JOB = UUID.fromString("fe70212e-fe85-42ce-8b5e-b6c2d4440054");
  static final UUID FUTURE_JOB = UUID.fromString("63b9bed1-4402-4652-84f6-32ab58e664a3");
  static final UUID LEGACY_JOB = UUID.fromString("92de1e26-804a-4404-a0a9-b769d2c51022");

  private Fixtures() {}

  /** Returns the text of {@code fixtures/<name>} from the test class path. */
  static String fixture(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      assertThat(in).as("fixture %s", name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Joins JSON values into one array, the way a list endpoint sends them. */
  static String jsonArray(String... values) {
    return "[" + String.join(",", values) + "]\n";
  }

  /** Returns an answer with a JSON body, as Coder writes it. */
  static MockResponse json(int code, String body) {
    return typed(code, JSON_UTF8, body);
  }

  /** Returns a 200 answer with a JSON body. */
  static MockResponse json(String body) {
    return json(200, body);
  }

  /** Returns an answer with a body of any type, such as a proxy's HTML page. */
  static MockResponse typed(int code, String contentType, String body) {
    return new MockResponse.Builder()
        .code(code)
        .setHeader("Content-Type", contentType)
        .body(body)
        .build();
  }

  /** Parses JSON into a tree, for comparisons that ignore spacing and key order. */
  static JsonNode tree(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
