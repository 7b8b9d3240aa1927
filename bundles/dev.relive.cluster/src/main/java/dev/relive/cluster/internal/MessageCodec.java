package dev.relive.cluster.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.NotSerializableException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.relive.api.PresenceDiff;
import dev.relive.api.PresenceEntry;

/**
 * Turns a published message into bytes for the other members and back, with Java serialization: strings, numbers,
 * maps, lists and other serializable JDK values as they are, and the API's {@link PresenceDiff} (a record that is
 * not serializable itself) through a form of its own. Reading accepts only JDK classes and this bundle's, within
 * fixed limits, so a member cannot make another instantiate arbitrary classes.
 */
final class MessageCodec {

    private static final ObjectInputFilter FILTER = ObjectInputFilter.Config.createFilter(
            "maxdepth=32;maxrefs=100000;maxarray=1000000;java.**;dev.relive.cluster.internal.*;!*");

    private MessageCodec() {
    }

    /** The message's bytes; {@link NotSerializableException} when a part of it cannot be serialized. */
    static byte[] encode(Object message) throws NotSerializableException {
        Object form = message instanceof PresenceDiff diff ? DiffForm.of(diff) : message;
        if (!(form instanceof Serializable)) {
            throw new NotSerializableException(form.getClass().getName());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(form);
        } catch (NotSerializableException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The message read back; an {@link IOException} when it holds classes this member cannot or may not load. */
    static Object decode(byte[] bytes) throws IOException {
        try (ObjectInputStream in = new BundleObjectInput(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(FILTER);
            Object form = in.readObject();
            return form instanceof DiffForm diff ? diff.diff() : form;
        } catch (ClassNotFoundException e) {
            throw new InvalidClassException(e.getMessage());
        }
    }

    /** A {@link PresenceDiff} as serializable lists of keys and metas. */
    record DiffForm(List<String> joinKeys, List<HashMap<String, String>> joinMetas, List<String> leaveKeys,
            List<HashMap<String, String>> leaveMetas) implements Serializable {

        static DiffForm of(PresenceDiff diff) {
            return new DiffForm(keys(diff.joins()), metas(diff.joins()), keys(diff.leaves()), metas(diff.leaves()));
        }

        PresenceDiff diff() {
            return new PresenceDiff(entries(joinKeys, joinMetas), entries(leaveKeys, leaveMetas));
        }

        private static ArrayList<String> keys(List<PresenceEntry> entries) {
            ArrayList<String> keys = new ArrayList<>();
            entries.forEach(e -> keys.add(e.key()));
            return keys;
        }

        private static ArrayList<HashMap<String, String>> metas(List<PresenceEntry> entries) {
            ArrayList<HashMap<String, String>> metas = new ArrayList<>();
            entries.forEach(e -> metas.add(new HashMap<>(e.meta())));
            return metas;
        }

        private static List<PresenceEntry> entries(List<String> keys, List<? extends Map<String, String>> metas) {
            List<PresenceEntry> entries = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                entries.add(new PresenceEntry(keys.get(i), metas.get(i)));
            }
            return entries;
        }
    }

    /** Resolves classes through this bundle, which sees the JDK's and its own. */
    private static final class BundleObjectInput extends ObjectInputStream {
        BundleObjectInput(ByteArrayInputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            return Class.forName(desc.getName(), false, MessageCodec.class.getClassLoader());
        }
    }
}
