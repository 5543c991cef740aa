package org.headlesspm.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.adapter.JsonbAdapter;
import jakarta.json.bind.config.PropertyNamingStrategy;
import java.time.Instant;

/**
 * The one JSON configuration of the contract, used by the API and by its typed client: snake_case
 * names, nulls written, timestamps as {@link Timestamps} formats them.
 */
public final class ApiJson {

  private ApiJson() {}

  public static JsonbConfig config() {
    return new JsonbConfig()
        .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
        .withNullValues(true)
        .withAdapters(new InstantAdapter());
  }

  public static Jsonb create() {
    return JsonbBuilder.create(config());
  }

  /**
   * Writes instants with microseconds and {@code Z}; reads any ISO form (zone-less = UTC). A JSON
   * {@code null} stays null both ways (Yasson hands it to the adapter when reading).
   */
  public static final class InstantAdapter implements JsonbAdapter<Instant, String> {
    @Override
    public String adaptToJson(Instant instant) {
      return Timestamps.format(instant);
    }

    @Override
    public Instant adaptFromJson(String text) {
      return text == null ? null : Timestamps.parseDateTime(text);
    }
  }
}
