/**
 * Hook dispatch: an approved decision's outbox entry is claimed, checked again against the kill
 * switch, freeze windows and shadow mode, then delivered as a Standard Webhooks request signed with
 * the hook's secret and carrying the decision id as {@code webhook-id} (the receiver's idempotency
 * key). Failed attempts are retried with exponential backoff and seeded jitter, then dead-lettered.
 * Plain Java: no Quarkus or gRPC (ArchUnit checks).
 */
package io.rehearsal.gateway.dispatch;
