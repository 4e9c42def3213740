/**
 * A client of Zenodo and nothing else: the legacy deposit REST API plus the native record, request
 * and community endpoints (OkHttp + Jackson), as docs/zenodo.md describes them. It knows no case
 * studies; the deposit JSON is built by the publishing layer.
 *
 * <ul>
 *   <li>{@link org.casepress.zenodo.Target}: {@code local} (URL of the running embedded server),
 *       {@code sandbox}, {@code production}; {@code withApiBase} for {@code --zenodo-url}; plain
 *       http is refused unless the host is loopback.
 *   <li>{@link org.casepress.zenodo.ZenodoClient}: {@code
 *       ZenodoClient.builder(target).env(System::getenv).build()}; the token is read from the
 *       target's variable and only ever sent, as {@code Authorization: Bearer}, to the target's own
 *       origin. Text that came from the server is redacted of it before it reaches an exception or
 *       the log.
 *   <li>Errors: {@link org.casepress.zenodo.ZenodoException} (Zenodo answered; {@code temporary()}
 *       for 429/5xx, exit code 3; {@code refused()} for a definite 4xx, exit code 1), {@link
 *       org.casepress.zenodo.OutcomeUnknownException} (a write that must not happen twice may or
 *       may not have happened: the caller reads the state; exit code 3), {@link
 *       org.casepress.zenodo.ChecksumMismatchException}, and any other {@code IOException} for
 *       transport failures (exit code 3).
 *   <li>{@link org.casepress.zenodo.Doctor} for {@code casepress doctor}.
 * </ul>
 *
 * <p>Internals, package-private: the retry decisions ({@code RetryPolicy}, {@code Idempotence}),
 * pacing ({@code Pacer}), the log ({@code RequestLog}), the redaction ({@code Redactor}) and the
 * reading of error bodies ({@code ErrorBodies}).
 *
 * <p>The embedded server behind the {@code local} target lives in {@code
 * org.casepress.localzenodo}.
 */
package org.casepress.zenodo;
