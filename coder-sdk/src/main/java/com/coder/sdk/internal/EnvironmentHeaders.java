package com.coder.sdk.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads extra headers the way Coder's CLI reads {@code CODER_HEADER}: one line of comma-separated
 * fields, where a field may be double-quoted (to hold a comma; {@code ""} is a quote inside
 * quotes), and each field is {@code name=value}, split at the first {@code =}. The CLI ignores
 * anything after the first line break outside quotes, and so does this. Messages never include a
 * value, which may be a credential.
 */
public final class EnvironmentHeaders {
  private EnvironmentHeaders() {}

  /**
   * Returns the headers in order. A name given twice gets both values, joined as HTTP joins
   * repeated fields ({@code ", "}, or {@code "; "} for {@code Cookie}).
   *
   * @throws IllegalArgumentException naming the field that is malformed
   */
  public static Map<String, String> parse(String value) {
    Map<String, String> headers = new LinkedHashMap<>();
    Map<String, String> namesByLowerCase = new LinkedHashMap<>();
    List<String> fields = fields(value);
    for (int i = 0; i < fields.size(); i++) {
      String field = fields.get(i);
      int equals = field.indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException(
            "field " + (i + 1) + " is not name=value (it has no \"=\")");
      }
      String name = field.substring(0, equals).strip();
      String headerValue = field.substring(equals + 1).strip();
      if (name.isEmpty()) {
        throw new IllegalArgumentException("field " + (i + 1) + " has no header name before \"=\"");
      }
      HeaderRules.checkName(name);
      HeaderRules.checkValue(name, headerValue);

      String key = name.toLowerCase(Locale.ROOT);
      String known = namesByLowerCase.putIfAbsent(key, name);
      if (known == null) {
        headers.put(name, headerValue);
      } else {
        String separator = key.equals("cookie") ? "; " : ", ";
        headers.put(known, headers.get(known) + separator + headerValue);
      }
    }
    return headers;
  }

  private static List<String> fields(String value) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (quoted) {
        if (c != '"') {
          field.append(c);
        } else if (i + 1 < value.length() && value.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else {
          quoted = false;
        }
      } else if (c == '"' && field.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\n' || c == '\r') {
        break;
      } else if (c == '"' || wasQuoted) {
        throw new IllegalArgumentException(
            "field " + (fields.size() + 1) + " has a stray quote; quote the whole field");
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException(
          "field " + (fields.size() + 1) + " opens a quote it does not close");
    }
    fields.add(field.toString());
    return fields;
  }
}
