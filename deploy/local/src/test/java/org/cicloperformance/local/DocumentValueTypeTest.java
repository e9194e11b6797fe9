package org.cicloperformance.local;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.util.List;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

/** Documents as BSON behind their own tag; anything else, and every value the library wrote, as the library does. */
class DocumentValueTypeTest {

	private final DocumentValueType type = DocumentValueType.INSTANCE;

	@Test
	void writesADocumentAsTaggedBsonAndReadsItBack() {
		Document document = new Document("_id", "r|1").append("versions",
				List.of(new Document("version", 1).append("value", "82.70")));

		ByteBuffer written = write(document, 7L);

		assertThat(written.get(0)).isEqualTo(DocumentValueType.BSON);
		assertThat(type.read(written)).isEqualTo(document);
		assertThat(type.read(written)).as("the value after it, where the document ended").isEqualTo(7L);
	}

	@Test
	void readsDocumentsTheLibrarysTypeWroteBesideItsOwn() {
		Document old = new Document("_id", "before").append("n", 1);
		WriteBuffer buffer = new WriteBuffer();
		new ObjectDataType().write(buffer, old);
		type.write(buffer, new Document("_id", "after"));
		ByteBuffer written = buffer.getBuffer();
		written.flip();

		assertThat(written.get(0)).isNotEqualTo(DocumentValueType.BSON);
		assertThat(type.read(written)).isEqualTo(old);
		assertThat(type.read(written)).isEqualTo(new Document("_id", "after"));
	}

	private ByteBuffer write(Object... values) {
		WriteBuffer buffer = new WriteBuffer();
		for (Object value : values) {
			type.write(buffer, value);
		}
		ByteBuffer written = buffer.getBuffer();
		written.flip();
		return written;
	}
}
