package org.headlesspm.registry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.headlesspm.api.ApiError;
import org.headlesspm.api.MessageResponse;
import org.headlesspm.api.ServiceRegistration;
import org.headlesspm.api.ServiceResponse;
import org.headlesspm.project.ProjectService;
import org.headlesspm.storage.Writes;

/** Services agents run, registered per project; only the owner heartbeats or unregisters. */
@ApplicationScoped
@Transactional
public class ServiceRegistry {

  @PersistenceContext EntityManager em;
  @Inject Clock clock;
  @Inject ProjectService projects;
  @Inject MetricRegistry metrics;

  /** Exported as {@code headless_pm_service_pings_total{result}} (OPERATIONS.md 8.5). */
  public static final String PINGS = "headless_pm_service_pings";

  @Writes
  public ServiceResponse register(long projectId, String agentId, ServiceRegistration request) {
    projects.require(projectId);
    RegisteredService service =
        find(projectId, request.serviceName())
            .orElseGet(
                () -> {
                  RegisteredService created =
                      new RegisteredService(projectId, request.serviceName());
                  em.persist(created);
                  return created;
                });
    service.register(agentId, request, clock.instant());
    em.flush();
    return toResponse(service);
  }

  public List<ServiceResponse> list(long projectId) {
    return em
        .createQuery(
            "SELECT s FROM Service s WHERE s.projectId = :project ORDER BY s.serviceName, s.id",
            RegisteredService.class)
        .setParameter("project", projectId)
        .getResultList()
        .stream()
        .map(ServiceRegistry::toResponse)
        .toList();
  }

  @Writes
  public ServiceResponse heartbeat(long projectId, String serviceName, String agentId) {
    RegisteredService service = require(projectId, serviceName);
    if (!service.isOwnedBy(agentId)) {
      throw ApiError.forbidden("Only service owner can send heartbeat");
    }
    service.heartbeat(clock.instant());
    em.flush();
    return toResponse(service);
  }

  @Writes
  public MessageResponse unregister(long projectId, String serviceName, String agentId) {
    RegisteredService service = require(projectId, serviceName);
    if (!service.isOwnedBy(agentId)) {
      throw ApiError.forbidden("Only service owner can unregister service");
    }
    em.remove(service);
    return new MessageResponse("Service " + serviceName + " unregistered successfully");
  }

  /** Every service of every project with its ping URL, for the health checker. */
  public Map<Long, String> pingTargets() {
    return em
        .createQuery("SELECT s FROM Service s", RegisteredService.class)
        .getResultList()
        .stream()
        .collect(Collectors.toMap(RegisteredService::getId, RegisteredService::getPingUrl));
  }

  /** Records a ping result; a service unregistered meanwhile is ignored. */
  @Writes
  public void recordPings(Map<Long, Boolean> results) {
    var now = clock.instant();
    results.forEach(
        (id, success) -> {
          metrics.counter(PINGS, new Tag("result", success ? "up" : "down")).inc();
          RegisteredService service = em.find(RegisteredService.class, id);
          if (service != null) {
            service.pinged(success, now);
          }
        });
  }

  private Optional<RegisteredService> find(long projectId, String serviceName) {
    return em.createQuery(
            "SELECT s FROM Service s WHERE s.projectId = :project AND s.serviceName = :name",
            RegisteredService.class)
        .setParameter("project", projectId)
        .setParameter("name", serviceName)
        .getResultStream()
        .findFirst();
  }

  private RegisteredService require(long projectId, String serviceName) {
    return find(projectId, serviceName).orElseThrow(() -> ApiError.notFound("Service not found"));
  }

  static ServiceResponse toResponse(RegisteredService s) {
    return new ServiceResponse(
        s.getId(),
        s.getProjectId(),
        s.getServiceName(),
        s.getOwnerAgentId(),
        s.getPingUrl(),
        s.getPort(),
        s.getStatus(),
        s.getLastHeartbeat(),
        s.getLastPingAt(),
        s.getLastPingSuccess(),
        s.getMetaData(),
        s.getUpdatedAt());
  }
}
