package io.cloister.serve.route;

/**
 * Where a request goes: the app, the route prefix it was reached under ({@code ""} when by host name
 * or at the root) and the path and query the app sees.
 */
record RouteTarget(LiveApp app, String prefix, String target) {}
