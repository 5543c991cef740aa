package org.headlesspm.task;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Wakes the long-polls of this server. */
@ApplicationScoped
public class InProcessTaskNotifier implements TaskNotifier {

  @Inject TaskWaiters waiters;

  @Override
  public void publish(TaskAvailable event) {
    waiters.wake(event);
  }
}
