/**
 * The client's machinery: the shared poll loop per task ({@code TaskWait}, {@code TaskWaits}), the retrying
 * call runner, the callback intake, the record book and file writing. Not API: names and behaviour here may
 * change in any release; nothing outside {@code gempix2-core} may import this package.
 */
package dev.gempix2.core.internal;
