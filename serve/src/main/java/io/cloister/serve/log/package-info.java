/** Where an app's log lines (wasi:logging, stdout, stderr) appear while it is served. */
package io.cloister.serve.log;
