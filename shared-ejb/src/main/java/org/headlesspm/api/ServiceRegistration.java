package org.headlesspm.api;

import jakarta.json.JsonObject;

/** Body of {@code POST /api/v1/services/register}; a null status means {@code up}. */
public record ServiceRegistration(
    String serviceName, String pingUrl, Integer port, ServiceStatus status, JsonObject metaData) {}
