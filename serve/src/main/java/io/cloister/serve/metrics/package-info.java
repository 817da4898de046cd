/** Per-app Micrometer meters of the server: requests, durations, guest errors, instances. */
package io.cloister.serve.metrics;
