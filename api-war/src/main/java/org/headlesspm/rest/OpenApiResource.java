package org.headlesspm.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.headlesspm.rest.security.PublicRoute;

/**
 * The OpenAPI 3 description of this API. It is written by hand from the contract (so that field
 * names, nulls and error shapes are exactly the contract's), and a test checks that it lists every
 * route the server has.
 */
@Path("api/v1/openapi.json")
@PublicRoute
@ApplicationScoped
public class OpenApiResource {

  static final String DOCUMENT = "openapi/openapi.json";

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public InputStream document() {
    InputStream in = OpenApiResource.class.getClassLoader().getResourceAsStream(DOCUMENT);
    if (in == null) {
      throw new NotFoundException();
    }
    return in;
  }
}
