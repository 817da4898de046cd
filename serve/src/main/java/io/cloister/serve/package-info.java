/**
 * {@code cloister serve}: a Helidon SE WebServer that hands every HTTP request to a wasi:http
 * component's incoming handler, with per-request deadlines, instance isolation and limits.
 */
package io.cloister.serve;
