package org.headlesspm.storage;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * SQLite has one writer at a time, and a WAL transaction that read before another connection
 * committed fails with SQLITE_BUSY when it then writes. Letting this JVM's writers in one at a time
 * (fairly) removes that failure between our own requests; the retry covers writers in other
 * processes (OPERATIONS.md 6.5). Invariants stay in SQL (conditional updates, unique keys): the
 * gate is for throughput and latency, not correctness.
 *
 * <p>Its priority is below {@code @Transactional}'s, so each attempt is a transaction of its own.
 */
@Writes
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class WriteGate {

  private static final Logger LOG = Logger.getLogger(WriteGate.class.getName());
  private static final ReentrantLock GATE = new ReentrantLock(true);
  private static final long[] BACKOFF_MS = {50, 200, 500};

  /** Exported as {@code headless_pm_db_busy_retries_total} (OPERATIONS.md 8.5). */
  public static final String BUSY_RETRIES = "headless_pm_db_busy_retries";

  @Inject MetricRegistry metrics;

  @AroundInvoke
  public Object serialize(InvocationContext call) throws Exception {
    if (GATE.isHeldByCurrentThread()) {
      return call.proceed(); // nested write: already inside the outer attempt
    }
    for (int attempt = 0; ; attempt++) {
      GATE.lock();
      try {
        return call.proceed();
      } catch (Exception e) {
        if (attempt >= BACKOFF_MS.length || !isBusy(e)) {
          throw e;
        }
        metrics.counter(BUSY_RETRIES).inc();
        LOG.fine("SQLite busy in " + call.getMethod().getName() + ", retrying: " + e);
      } finally {
        GATE.unlock();
      }
      Thread.sleep(BACKOFF_MS[attempt]);
    }
  }

  static boolean isBusy(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        int primary = sql.getErrorCode() & 0xff;
        if (primary == 5 || primary == 6) {
          return true;
        }
      }
      String message = t.getMessage();
      if (message != null
          && (message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED"))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
