/**
 * The reference command-line tools as server-side commands (OPERATIONS.md 5.3): initialisation,
 * reset, sample data, listings, status, the text dashboard, the sanity check and online backups.
 * Each command answers an {@link org.headlesspm.admin.AdminReport}: the text the reference printed,
 * the same facts as JSON, and the exit code the calling script returns.
 */
package org.headlesspm.admin;
