package org.cicloperformance.reportingservice.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cicloperformance.reportingservice.dashboard.Pages.Header;

/** What the result entry's pages show (kept apart from {@link Pages}, the reading pages' records). */
final class EntryPages {

	private EntryPages() {
	}

	/** The indicators an area office reports at a checkpoint. */
	record EntryList(Header header, String checkpoint, String checkpointLabel, LocalDate checkpointDate,
			String status, boolean open, List<String> areas, List<EntryRow> rows, String sent) {
	}

	/**
	 * One indicator due: its target, the result in force at this checkpoint (with its version) and the previous
	 * checkpoint's, and the form's address.
	 */
	record EntryRow(String objective, String objectiveTitle, String code, String name, String kindKey,
			String target, String current, Integer currentVersion, String previous, String href) {
	}

	/** A field of the form: its id (= name), label, hint, value as typed, the refusal shown next to it. */
	record Field(String id, String label, String hint, String value, String error, String type) {

		public boolean invalid() {
			return error != null;
		}

		Field withValue(String newValue) {
			return new Field(id, label, hint, newValue, error, type);
		}

		Field withError(String newError) {
			return new Field(id, label, hint, value, error == null ? newError : error + " " + newError, type);
		}
	}

	/** An entry of the error summary, linking the field it names (null: the form as a whole). */
	record ErrorLink(String fieldId, String message) {
	}

	/** The result as the scoring rules will read it: computed by the engine, not by the form. */
	record Preview(String value, String target, String deviation, BigDecimal achievement, String arithmetic,
			TrafficLight light, boolean scored) {
	}

	/** The form of one indicator at one checkpoint. */
	record EntryForm(Header header, String checkpoint, String checkpointLabel, String objective,
			String objectiveTitle, String code, String name, String kindKey, String unit, String target,
			String current, Integer currentVersion, String previous, boolean carried, List<Field> valueFields,
			Field commentary, Field deviationCause, List<Option> causes, Field evidence, Field reason, Field file,
			Field fileDescription, List<ErrorLink> errors, Preview preview, String idempotencyKey, String action,
			String listHref) {

		public boolean correction() {
			return currentVersion != null;
		}
	}

	/** An option of a select. */
	record Option(String value, String label) {
	}
}
