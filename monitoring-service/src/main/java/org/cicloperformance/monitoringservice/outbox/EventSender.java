package org.cicloperformance.monitoringservice.outbox;

import java.util.concurrent.CompletableFuture;

/** Sends one outbox event without waiting: the future completes when the broker has acknowledged it, or failed. */
interface EventSender {

	CompletableFuture<Void> send(String binding, OutboxEntry entry);
}
