package io.cloister.enclave.protocol;

/**
 * The management API's paths and headers (docs/enclave.md). An artifact travels as the raw body of
 * {@code PUT /v1/apps/NAME}, streamed; its deployment spec as JSON in the {@link
 * #DEPLOYMENT_HEADER} header, so the body stays bytes and nothing is read before the caller is
 * authenticated.
 */
public final class ManagementPaths {
  private ManagementPaths() {}

  /** Enclave info: {@code GET}. */
  public static final String ENCLAVE = "/v1/enclave";

  /** The deployed apps: {@code GET}. */
  public static final String APPS = "/v1/apps";

  /** The header carrying a {@link DeploymentSpec} as compact JSON (ASCII, non-ASCII escaped). */
  public static final String DEPLOYMENT_HEADER = "Cloister-Deployment";

  /** The media type of problem details (RFC 9457). */
  public static final String PROBLEM_JSON = "application/problem+json";

  /** One app: {@code GET} status, {@code PUT} deploy (body: the artifact), {@code DELETE}. */
  public static String app(String name) {
    return APPS + "/" + name;
  }

  /** An app's log: {@code GET}, server-sent events; {@code ?follow=false} ends after the backlog. */
  public static String logs(String name) {
    return app(name) + "/logs";
  }
}
