/**
 * Client of Zenodo's legacy deposit REST API (OkHttp + Jackson) and the library entry points the
 * CLI and the publishing layer call.
 *
 * <ul>
 *   <li>{@link org.casepress.zenodo.Target}: {@code local} (URL of the running embedded server),
 *       {@code sandbox}, {@code production}; {@code withApiBase} for {@code --zenodo-url}; plain
 *       http is refused unless the host is loopback.
 *   <li>{@link org.casepress.zenodo.ZenodoClient}: {@code
 *       ZenodoClient.builder(target).env(System::getenv).build()}; the token is read from the
 *       target's variable and only ever sent, as {@code Authorization: Bearer}, to the target's own
 *       origin.
 *   <li>Errors: {@link org.casepress.zenodo.ZenodoException} (Zenodo answered; {@code temporary()}
 *       for 429/5xx, exit code 3, otherwise exit code 1), {@link
 *       org.casepress.zenodo.OutcomeUnknownException} (create/publish/newversion may or may not
 *       have happened: read the state, exit code 3), {@link
 *       org.casepress.zenodo.ChecksumMismatchException}, and any other {@code IOException} for
 *       transport failures (exit code 3).
 *   <li>{@link org.casepress.zenodo.Doctor} for {@code casepress doctor}.
 * </ul>
 *
 * <p>The embedded server behind the {@code local} target lives in {@code
 * org.casepress.localzenodo}.
 */
package org.casepress.zenodo;
