package org.headlesspm.storage;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Plain SQL in the current transaction, for the bulk deletes and conditional updates whose row
 * counts carry the rules (locks, cascades). Parameters bind as {@code ?1}, {@code ?2}, ... Entities
 * loaded before such a statement are stale afterwards: callers clear or reload.
 */
public final class NativeSql {

  private NativeSql() {}

  /** Runs an INSERT, UPDATE or DELETE and returns the affected row count. */
  public static int update(EntityManager em, String sql, Object... parameters) {
    return bind(em.createNativeQuery(sql), parameters).executeUpdate();
  }

  /** A single number, such as a COUNT. */
  public static long number(EntityManager em, String sql, Object... parameters) {
    return ((Number) bind(em.createNativeQuery(sql), parameters).getSingleResult()).longValue();
  }

  private static Query bind(Query query, Object... parameters) {
    for (int i = 0; i < parameters.length; i++) {
      query.setParameter(i + 1, parameters[i]);
    }
    return query;
  }
}
