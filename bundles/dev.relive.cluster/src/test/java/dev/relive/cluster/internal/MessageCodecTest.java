package dev.relive.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.relive.api.PresenceDiff;
import dev.relive.api.PresenceEntry;

class MessageCodecTest {

    @Test
    void valuesOfTheJdkAndPresenceDiffsTravel() throws IOException {
        Object message = Map.of("author", "ada", "lines", List.of("a", "b"), "count", 3L);
        assertThat(MessageCodec.decode(MessageCodec.encode(message))).isEqualTo(message);
        PresenceDiff diff = new PresenceDiff(List.of(new PresenceEntry("k", Map.of("name", "ada"))),
                List.of(new PresenceEntry("j", Map.of())));
        assertThat(MessageCodec.decode(MessageCodec.encode(diff))).isEqualTo(diff);
    }

    @Test
    void aValueThatIsNotSerializableIsRefusedOnWriting() {
        assertThatThrownBy(() -> MessageCodec.encode(new Object())).isInstanceOf(NotSerializableException.class);
        assertThatThrownBy(() -> MessageCodec.encode(List.of(new Object())))
                .isInstanceOf(NotSerializableException.class);
    }

    @Test
    void classesOutsideTheJdkAndThisBundleAreNotRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new org.opentest4j.AssertionFailedError("a class of another library"));
        }
        assertThatThrownBy(() -> MessageCodec.decode(bytes.toByteArray())).isInstanceOf(InvalidClassException.class);
    }
}
