package org.cicloperformance.planservice.plan;

/**
 * Asked before a version is stored whether the broker could ever take the event that announces it. The plan feature
 * owns this small interface and the messaging side implements it, so dependencies run one way (messaging → plan).
 */
public interface EventSizeCheck {

	/**
	 * @param plan the plan with the new version already among its versions
	 * @param entry the outbox entry that would announce it
	 * @throws EventTooLargeException when the event would exceed the producer's limit
	 */
	void requireSendable(Plan plan, OutboxEntry entry);
}
