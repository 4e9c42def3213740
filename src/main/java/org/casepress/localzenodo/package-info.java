/**
 * The Zenodo-compatible server behind the {@code local} target: {@link
 * org.casepress.localzenodo.LocalZenodo#start} in-process (127.0.0.1 only, state under a folder),
 * {@link org.casepress.localzenodo.LocalZenodo#runForeground} for {@code casepress local-zenodo},
 * and {@link org.casepress.localzenodo.Faults} to make it fail the way Zenodo does.
 */
package org.casepress.localzenodo;
