/** Shadow mode's ledger: what would have run, and whether the incident recovered anyway. */
package io.rehearsal.gateway.shadow;
