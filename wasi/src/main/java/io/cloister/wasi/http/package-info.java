/**
 * {@code wasi:http}: types, the incoming-handler invocation ({@link
 * io.cloister.wasi.http.HttpHandlerInvoker}) and a denying outgoing handler.
 */
package io.cloister.wasi.http;
