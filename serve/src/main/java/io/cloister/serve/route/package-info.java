/** Routing requests to mounted apps by host name and route prefix; mounting and retiring apps. */
package io.cloister.serve.route;
