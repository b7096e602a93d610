package com.coder.sdk.testkit.internal;

import com.coder.sdk.internal.Json;
import com.coder.sdk.model.Organization;
import com.coder.sdk.model.Response;
import com.coder.sdk.model.User;
import com.coder.sdk.model.ValidationError;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import org.jspecify.annotations.Nullable;

/**
 * Writes answers as Coder's server does: JSON with {@code application/json; charset=utf-8}, a
 * newline after the body, HTML-sensitive characters escaped, and timestamps in Go's RFC 3339 form.
 * Models are the SDK's own records, so their omission rules are the ones the SDK reads.
 */
public final class Wire {
  /** The content type of every JSON answer. */
  public static final String JSON_TYPE = "application/json; charset=utf-8";

  private static final ObjectMapper MAPPER = newMapper();

  private Wire() {}

  /** Returns the mapper that writes answers. Thread-safe; do not reconfigure. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Returns an answer with {@code body} as JSON. */
  public static MockResponse json(int status, Object body) {
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", JSON_TYPE)
        .body(new String(bytes(body), StandardCharsets.UTF_8))
        .build();
  }

  /** Returns an answer whose body is several JSON values in a row, each ending in a newline. */
  public static MockResponse jsonValues(int status, Object... bodies) {
    StringBuilder text = new StringBuilder();
    for (Object body : bodies) {
      text.append(new String(bytes(body), StandardCharsets.UTF_8));
    }
    return new MockResponse.Builder()
        .code(status)
        .setHeader("Content-Type", JSON_TYPE)
        .body(text.toString())
        .build();
  }

  /** Returns an error answer with only a message. */
  public static MockResponse error(int status, String message) {
    return json(status, Response.of(message));
  }

  /** Returns an error answer with a message and a detail. */
  public static MockResponse error(int status, String message, String detail) {
    return json(status, new Response(message, detail, List.of()));
  }

  /** Returns an error answer with a message and validations. */
  public static MockResponse error(int status, String message, List<ValidationError> validations) {
    return json(status, new Response(message, "", validations));
  }

  /**
   * Returns a user as Coder writes one: fields in the order of its structs, with the name, avatar,
   * theme and service-account flag left out when empty.
   */
  public static ObjectNode user(User user) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", user.id().toString());
    node.put("username", user.username());
    if (!user.avatarUrl().isEmpty()) {
      node.put("avatar_url", user.avatarUrl());
    }
    if (!user.name().isEmpty()) {
      node.put("name", user.name());
    }
    node.put("email", user.email());
    node.put("created_at", GoText.timestamp(user.createdAt()));
    node.put(
        "updated_at",
        GoText.timestamp(user.updatedAt() == null ? user.createdAt() : user.updatedAt()));
    node.put(
        "last_seen_at",
        GoText.timestamp(user.lastSeenAt() == null ? Store.NEVER : user.lastSeenAt()));
    node.put("status", user.status().value());
    node.put("login_type", user.loginType().value());
    if (user.isServiceAccount()) {
      node.put("is_service_account", true);
    }
    if (!user.themePreference().isEmpty()) {
      node.put("theme_preference", user.themePreference());
    }
    node.put("has_ai_seat", user.hasAiSeat());
    ArrayNode organizations = node.putArray("organization_ids");
    user.organizationIds().forEach(id -> organizations.add(id.toString()));
    node.set("roles", MAPPER.valueToTree(user.roles()));
    return node;
  }

  /** Serialises {@code body} and appends the newline Go's encoder writes. */
  public static byte[] bytes(Object body) {
    try {
      byte[] json = MAPPER.writeValueAsBytes(body);
      byte[] withNewline = new byte[json.length + 1];
      System.arraycopy(json, 0, withNewline, 0, json.length);
      withNewline[json.length] = '\n';
      return withNewline;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
    }
  }

  private static ObjectMapper newMapper() {
    ObjectMapper mapper = Json.newMapper();
    mapper.registerModule(
        new SimpleModule("go-time").addSerializer(Instant.class, new GoInstant()));
    mapper.addMixIn(Organization.class, OrganizationOrder.class);
    mapper.getFactory().setCharacterEscapes(new GoEscapes());
    return mapper;
  }

  /** The order in which Coder writes an organization's fields. */
  @JsonPropertyOrder({
    "id",
    "name",
    "display_name",
    "icon",
    "description",
    "created_at",
    "updated_at",
    "is_default",
    "default_org_member_roles"
  })
  private abstract static class OrganizationOrder {}

  private static final class GoInstant extends StdSerializer<Instant> {
    private static final long serialVersionUID = 1L;

    GoInstant() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider)
        throws IOException {
      generator.writeString(GoText.timestamp(value));
    }
  }

  /** Go's encoder escapes {@code <}, {@code >}, {@code &}, U+2028 and U+2029, in lowercase hex. */
  private static final class GoEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii;

    GoEscapes() {
      ascii = standardAsciiEscapesForJSON();
      ascii['<'] = ESCAPE_CUSTOM;
      ascii['>'] = ESCAPE_CUSTOM;
      ascii['&'] = ESCAPE_CUSTOM;
      for (int c = 0; c < 0x20; c++) {
        if (c != '\n' && c != '\r' && c != '\t') {
          ascii[c] = ESCAPE_CUSTOM;
        }
      }
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public @Nullable SerializableString getEscapeSequence(int ch) {
      if (ch < 0x80 || ch == 0x2028 || ch == 0x2029) {
        return new SerializedString(String.format("\\u%04x", ch));
      }
      return null;
    }
  }
}
