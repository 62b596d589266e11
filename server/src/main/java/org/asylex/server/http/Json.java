package org.asylex.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one Jackson mapper of the server: {@code ctx.json(...)} writes with it. It has no Java time
 * or {@code Optional} support on purpose: handlers put dates and times into responses as ISO-8601
 * strings and absent values as {@code null}, so the JSON is exactly what the OpenAPI document says.
 */
public final class Json {
  /** Shared and thread-safe; do not reconfigure. */
  public static final ObjectMapper MAPPER =
      new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  private Json() {}
}
