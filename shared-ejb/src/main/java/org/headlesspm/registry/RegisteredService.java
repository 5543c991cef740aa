package org.headlesspm.registry;

import jakarta.json.JsonObject;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.headlesspm.api.ServiceRegistration;
import org.headlesspm.api.ServiceStatus;
import org.headlesspm.storage.ServiceStatusColumn;

/** A service an agent runs (a dev server, a database), pinged by the server every 30 s. */
@Entity(name = "Service")
@Table(name = "service")
public class RegisteredService {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "project_id")
  private Long projectId;

  @Column(name = "service_name")
  private String serviceName;

  @Column(name = "owner_agent_id")
  private String ownerAgentId;

  @Column(name = "ping_url")
  private String pingUrl;

  private Integer port;

  @Convert(converter = ServiceStatusColumn.class)
  private ServiceStatus status;

  @Column(name = "last_heartbeat")
  private Instant lastHeartbeat;

  @Column(name = "last_ping_at")
  private Instant lastPingAt;

  @Column(name = "last_ping_success")
  private Boolean lastPingSuccess;

  @Column(name = "meta_data")
  private JsonObject metaData;

  @Column(name = "updated_at")
  private Instant updatedAt;

  protected RegisteredService() {}

  public RegisteredService(long projectId, String serviceName) {
    this.projectId = projectId;
    this.serviceName = serviceName;
  }

  /**
   * Registration overwrites everything and moves ownership to the registrant; omitted optional
   * fields become null (API.md E44).
   */
  public void register(String owner, ServiceRegistration registration, Instant now) {
    ownerAgentId = owner;
    pingUrl = registration.pingUrl();
    port = registration.port();
    status = registration.status() == null ? ServiceStatus.up : registration.status();
    metaData = registration.metaData();
    lastHeartbeat = now;
    updatedAt = now;
  }

  public void heartbeat(Instant now) {
    lastHeartbeat = now;
    status = ServiceStatus.up;
    updatedAt = now;
  }

  /** Exactly HTTP 200 means up; anything else, or no answer, means down. */
  public void pinged(boolean success, Instant now) {
    status = success ? ServiceStatus.up : ServiceStatus.down;
    lastPingSuccess = success;
    lastPingAt = now;
    updatedAt = now;
  }

  public boolean isOwnedBy(String agentId) {
    return ownerAgentId.equals(agentId);
  }

  public Long getId() {
    return id;
  }

  public long getProjectId() {
    return projectId;
  }

  public String getServiceName() {
    return serviceName;
  }

  public String getOwnerAgentId() {
    return ownerAgentId;
  }

  public String getPingUrl() {
    return pingUrl;
  }

  public Integer getPort() {
    return port;
  }

  public ServiceStatus getStatus() {
    return status;
  }

  public Instant getLastHeartbeat() {
    return lastHeartbeat;
  }

  public Instant getLastPingAt() {
    return lastPingAt;
  }

  public Boolean getLastPingSuccess() {
    return lastPingSuccess;
  }

  public JsonObject getMetaData() {
    return metaData;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
