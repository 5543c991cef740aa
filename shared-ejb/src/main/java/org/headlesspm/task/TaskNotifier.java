package org.headlesspm.task;

/**
 * Tells waiting agents that work became available. The in-process implementation wakes this
 * server's long-polls; a cluster-wide one would publish to every node.
 */
public interface TaskNotifier {

  void publish(TaskAvailable event);
}
