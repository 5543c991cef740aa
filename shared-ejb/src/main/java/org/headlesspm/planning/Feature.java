package org.headlesspm.planning;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A part of an epic; its tasks are what agents work on. Its project is its epic's. */
@Entity
@Table(name = "feature")
public class Feature {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "epic_id")
  private Long epicId;

  private String name;
  private String description;

  protected Feature() {}

  public Feature(long epicId, String name, String description) {
    this.epicId = epicId;
    this.name = name;
    this.description = description;
  }

  public Long getId() {
    return id;
  }

  public long getEpicId() {
    return epicId;
  }

  public String getName() {
    return name;
  }

  public String getDescription() {
    return description;
  }
}
