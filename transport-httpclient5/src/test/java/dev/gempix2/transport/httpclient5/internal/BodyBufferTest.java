package dev.gempix2.transport.httpclient5.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BodyBufferTest {
    private static final int EIGHT_MIB = 8 * 1024 * 1024;

    @Test
    void anEightMibBodyOfDeclaredLengthIsCopiedOnceIntoOneArray() {
        byte[] body = randomBytes(EIGHT_MIB);
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());

        BodyBuffer buffer = new BodyBuffer(body.length, 32L * 1024 * 1024);
        for (int offset = 0; offset < body.length; offset += chunk.capacity()) {
            chunk.clear();
            chunk.put(body, offset, chunk.capacity()).flip();
            buffer.append(chunk, chunk.remaining());
        }
        byte[] read = buffer.toBytes();

        long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
        assertThat(read).isEqualTo(body);
        assertThat(allocated).isLessThan(EIGHT_MIB + EIGHT_MIB / 8);
    }

    @Test
    void aBodyOfUnknownLengthGrowsAsItArrivesAndIsTrimmedToItsSize() {
        byte[] body = randomBytes(20_000);
        BodyBuffer buffer = new BodyBuffer(-1, 1024 * 1024);

        buffer.append(ByteBuffer.wrap(body, 0, 7_000), 7_000);
        buffer.append(ByteBuffer.wrap(body, 7_000, 13_000), 13_000);

        assertThat(buffer.size()).isEqualTo(20_000);
        assertThat(buffer.toBytes()).isEqualTo(body);
    }

    @Test
    void aBodyShorterThanItsDeclaredLengthIsTrimmedToWhatArrived() {
        BodyBuffer buffer = new BodyBuffer(1_000, 1024 * 1024);

        buffer.append(ByteBuffer.wrap(new byte[] {1, 2, 3}), 3);

        assertThat(buffer.toBytes()).containsExactly(1, 2, 3);
    }

    @Test
    void aDeclaredLengthPastTheLimitReservesNoMoreThanTheLimit() {
        BodyBuffer buffer = new BodyBuffer(10_000_000, 64 * 1024);

        buffer.append(ByteBuffer.wrap(new byte[64 * 1024]), 64 * 1024);

        assertThat(buffer.toBytes()).hasSize(64 * 1024);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(7).nextBytes(bytes);
        return bytes;
    }
}
