package com.coder.sdk.testkit.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reads request JSON with the leniency and the error texts of Go's {@code encoding/json}: only the
 * first value counts, keys match struct fields ignoring case, {@code null} leaves a field unset,
 * and a value of the wrong type fails with Go's wording.
 */
public final class JsonObjects {
  private JsonObjects() {}

  /** A decoding failure; the message imitates Go's decoder. */
  public static final class GoJsonException extends Exception {
    private static final long serialVersionUID = 1L;

    GoJsonException(String message) {
      super(message);
    }

    /** Returns the message, which the constructor always sets. */
    @Override
    public String getMessage() {
      return Objects.requireNonNull(super.getMessage());
    }
  }

  /** Reads the first JSON value of {@code text}; JSON {@code null} gives a {@link NullNode}. */
  public static JsonNode readFirst(String text) throws GoJsonException {
    try (JsonParser parser =
        Wire.mapper().getFactory().createParser(text.getBytes(StandardCharsets.UTF_8))) {
      if (parser.nextToken() == null) {
        throw new GoJsonException("EOF");
      }
      JsonNode node = Wire.mapper().readTree(parser);
      return node == null ? NullNode.getInstance() : node;
    } catch (JsonEOFException e) {
      throw new GoJsonException("unexpected EOF");
    } catch (JsonParseException e) {
      throw new GoJsonException(syntaxMessage(e));
    } catch (IOException e) {
      throw new GoJsonException(e.getMessage() == null ? "invalid JSON" : e.getMessage());
    }
  }

  /** Reads a JSON object of strings, as decoding into {@code map[string]string} does. */
  public static Map<String, String> readStringMap(String text) throws GoJsonException {
    JsonNode node = readFirst(text);
    if (node.isNull()) {
      return Map.of();
    }
    if (!node.isObject()) {
      throw new GoJsonException(
          "json: cannot unmarshal " + kind(node) + " into Go value of type map[string]string");
    }
    Map<String, String> map = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode value = entry.getValue();
      if (value.isNull()) {
        map.put(entry.getKey(), "");
      } else if (value.isTextual()) {
        map.put(entry.getKey(), value.asText());
      } else {
        throw new GoJsonException(
            "json: cannot unmarshal " + kind(value) + " into Go value of type string");
      }
    }
    return map;
  }

  /**
   * Starts reading {@code text} into a Go struct named {@code goType} (for messages). A body of
   * {@code null} reads as an object with no fields.
   */
  public static Struct struct(String text, String goType) throws GoJsonException {
    JsonNode node = readFirst(text);
    if (node.isNull()) {
      return new Struct(Wire.mapper().createObjectNode(), goType);
    }
    if (!node.isObject()) {
      throw new GoJsonException(
          "json: cannot unmarshal " + kind(node) + " into Go value of type " + goType);
    }
    return new Struct(node, goType);
  }

  /** The fields of one decoded object. */
  public static final class Struct {
    private final JsonNode node;
    private final String goType;

    private Struct(JsonNode node, String goType) {
      this.node = node;
      this.goType = goType;
    }

    /** Reads a string field; absent or {@code null} gives {@code ""}. */
    public String string(String field) throws GoJsonException {
      String value = nullableString(field);
      return value == null ? "" : value;
    }

    /** Reads a string pointer field; absent or {@code null} gives null. */
    public @Nullable String nullableString(String field) throws GoJsonException {
      JsonNode value = field(field);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isTextual()) {
        throw typeError(value, field, "string");
      }
      return value.asText();
    }

    /** Reads a string-list pointer field; absent or {@code null} gives null. */
    public @Nullable List<String> nullableStrings(String field) throws GoJsonException {
      JsonNode value = field(field);
      if (value == null || value.isNull()) {
        return null;
      }
      if (!value.isArray()) {
        throw typeError(value, field, "[]string");
      }
      List<String> items = new ArrayList<>();
      for (JsonNode item : value) {
        if (item.isNull()) {
          items.add("");
        } else if (!item.isTextual()) {
          throw typeError(item, field, "string");
        } else {
          items.add(item.asText());
        }
      }
      return items;
    }

    /** Finds a key as Go does: the exact name first, then any name equal ignoring case. */
    private @Nullable JsonNode field(String name) {
      JsonNode exact = node.get(name);
      if (exact != null) {
        return exact;
      }
      JsonNode folded = null;
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (key.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
          // The last matching key wins, as Go assigns each in turn.
          folded = node.get(key);
        }
      }
      return folded;
    }

    private GoJsonException typeError(JsonNode value, String field, String type) {
      String struct = goType.substring(goType.lastIndexOf('.') + 1);
      return new GoJsonException(
          "json: cannot unmarshal "
              + kind(value)
              + " into Go struct field "
              + struct
              + "."
              + field
              + " of type "
              + type);
    }
  }

  private static String kind(JsonNode node) {
    if (node.isObject()) {
      return "object";
    }
    if (node.isArray()) {
      return "array";
    }
    if (node.isTextual()) {
      return "string";
    }
    if (node.isBoolean()) {
      return "bool";
    }
    return "number";
  }

  private static String syntaxMessage(JsonParseException e) {
    String original = e.getOriginalMessage();
    int quote = original == null ? -1 : original.indexOf('\'');
    if (quote >= 0 && quote + 1 < original.length()) {
      char c = original.charAt(quote + 1);
      return "invalid character '" + c + "' looking for beginning of value";
    }
    return "invalid character looking for beginning of value";
  }
}
