/** The {@code batchtrack} command line: {@code migrate} and {@code status} of the schema. */
package io.batchtrack.cli;
