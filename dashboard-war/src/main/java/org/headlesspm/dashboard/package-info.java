/**
 * The Headless PM dashboard: one Faces view and one request-scoped backing bean per page, reading
 * and writing only through the REST API ({@link org.headlesspm.client.HeadlessPmApi}).
 *
 * <ul>
 *   <li>{@code backend}: configuration, the typed client and the request's view of the API (which
 *       remembers failures so that pages render with a banner instead of an error page).
 *   <li>{@code web}: what every page shares: project selection, preferences (cookies), deep links,
 *       formatting, Markdown, SVG charts, the small form endpoints that work without JavaScript.
 *   <li>one package per page: {@code overview}, {@code projects}, {@code tasks}, {@code agents},
 *       {@code communications}, {@code analytics}, {@code systemhealth}, {@code settings}.
 *   <li>{@code health}: the machine endpoints ({@code /api/health}, {@code /health}, ...).
 * </ul>
 */
package org.headlesspm.dashboard;
