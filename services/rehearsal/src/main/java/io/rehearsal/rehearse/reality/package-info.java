/**
 * The twin's ranking checked against what really happened: {@link
 * io.rehearsal.rehearse.reality.RealUtility} scores one recorded arm (a remediation applied for
 * real, or "do nothing") with the same utility the rehearsal ranks candidates by; {@link
 * io.rehearsal.rehearse.reality.RankingAgreement} compares the twin's ranking of the arms with the
 * real one (top-1 with the real ties, Kendall's tau, regret).
 */
package io.rehearsal.rehearse.reality;
