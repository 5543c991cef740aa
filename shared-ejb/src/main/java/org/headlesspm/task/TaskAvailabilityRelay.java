package org.headlesspm.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Hands {@link TaskAvailable} events to the notifier once their transaction has committed. */
@ApplicationScoped
public class TaskAvailabilityRelay {

  @Inject TaskNotifier notifier;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) TaskAvailable event) {
    if (event.makesWorkAvailable()) {
      notifier.publish(event);
    }
  }
}
