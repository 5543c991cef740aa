package org.headlesspm.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** The API serves every path of its port: {@code /}, {@code /health*}, {@code /api/v1/**}. */
@ApplicationPath("/")
public class HeadlessPmApplication extends Application {

  @Override
  public Map<String, Object> getProperties() {
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
