/** TLS for {@code cloister serve --tls}: a self-signed certificate made at start. */
package io.cloister.serve.tls;
