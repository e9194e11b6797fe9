package org.cicloperformance.local;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The values of a collection's data map (its documents) as BSON, the bytes the wire protocol carries, instead of
 * H2's Java serialisation of the library's {@code Document} maps: that serialisation was about a sixth of the
 * embedded database's CPU in the benchmark, paid for every document of a page each time the page is written.
 * <p>
 * Each value starts with a tag byte. {@code BSON} (0xFF) is none of {@link ObjectDataType}'s tags, so a page holding
 * values written by the library's backend reads as before, value by value, and a folder written earlier opens
 * unchanged. A value BSON cannot encode (never seen: the documents came in as BSON) is written as the library would.
 * A folder written with this type is not readable by the library's own backend any more.
 */
final class DocumentValueType extends BasicDataType<Object> {

	static final DocumentValueType INSTANCE = new DocumentValueType();

	static final byte BSON = (byte) 0xFF;

	private final ObjectDataType library = new ObjectDataType();

	/**
	 * What H2's page cache counts for a document: the library's type counts twice its Java-serialised size, which
	 * is about 1.6 times the BSON (a 936-byte result document serialises to 1,474 bytes), so three times the BSON,
	 * as a running average like H2's own. Counting less would let the cache hold three times the pages it should.
	 */
	static final int MEMORY_PER_BSON_BYTE = 3;

	private volatile int averageSize = 1024 * MEMORY_PER_BSON_BYTE;

	private DocumentValueType() {
	}

	@Override
	public int getMemory(Object value) {
		return value instanceof Document ? averageSize : library.getMemory(value);
	}

	@Override
	public void write(WriteBuffer buffer, Object value) {
		if (value instanceof Document document) {
			ByteBuf bson = Unpooled.buffer(averageSize / MEMORY_PER_BSON_BYTE + 64);
			try {
				BsonEncoder.encodeDocument(document, bson);
			}
			catch (RuntimeException e) {
				library.write(buffer, value);
				return;
			}
			int size = bson.readableBytes();
			buffer.put(BSON).put(bson.array(), bson.arrayOffset() + bson.readerIndex(), size);
			averageSize = (size * MEMORY_PER_BSON_BYTE + 15 * averageSize) / 16;
			return;
		}
		library.write(buffer, value);
	}

	@Override
	public Object read(ByteBuffer buffer) {
		if (buffer.get(buffer.position()) != BSON) {
			return library.read(buffer);
		}
		buffer.get();
		ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
		Document document = BsonDecoder.decodeBson(bson);
		buffer.position(buffer.position() + bson.readerIndex());
		return document;
	}

	@Override
	public Object[] createStorage(int size) {
		return new Object[size];
	}

	@Override
	public boolean equals(Object other) {
		return other == this;
	}

	@Override
	public int hashCode() {
		return System.identityHashCode(this);
	}
}
