/**
 * The HTML renderer: a report becomes a view of formatted values ({@link
 * io.rehearsal.report.html.RehearsalPage}, {@link io.rehearsal.report.html.Plot}) that a Qute
 * template under {@code templates/} lays out as one self-contained, well-formed XHTML page.
 */
package io.rehearsal.report.html;
