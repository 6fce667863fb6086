/**
 * Implementation details shared by the modules of batchtrack (the weaving front doors call
 * {@link io.batchtrack.internal.Woven}); not an API, may change in any release.
 */
package io.batchtrack.internal;
