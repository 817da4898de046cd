/**
 * An app's exported functions called with JSON: {@code /rpc/<app>/schema} and {@code
 * /rpc/<app>/<function>} (ARCHITECTURE, "Requests to apps"), and the same functions as the tools of
 * a Model Context Protocol server at {@code /mcp/<app>}. Each call runs in an instance of its own,
 * under the app's deadline and concurrency limit.
 */
package io.cloister.enclave.rpc;
