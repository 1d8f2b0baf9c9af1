/**
 * Plain-text renderers: the tables {@code rehearsal sandbox evaluate} and {@code rehearsal twin
 * simulate} print. Numbers are formatted with {@link java.util.Locale#ROOT}, so the bytes depend on
 * the report only.
 */
package io.rehearsal.report.text;
