/**
 * JSON renderers, Jackson only: each report becomes one {@link
 * com.fasterxml.jackson.databind.node.ObjectNode} with stable snake-case field names, written on
 * one line. A caller with its own mapper (the gateway) can take the tree instead of the text.
 */
package io.rehearsal.report.json;
