package dev.relive.runtime.internal.vdom;

/**
 * Makes equal text and attribute values of different trees one {@code String}: the sessions of a view render the
 * same markup (a page's style block, its layout's header, class names, labels) and would each keep a copy of it in
 * their tree. A lossy cache of fixed size, indexed by hash: a value replaces the one in its slot when they differ,
 * so what pages vary (counts, names, rows) takes slots for a while but never grows it. The memory it can pin is
 * bounded: {@value #SMALL_SLOTS} values of up to {@value #SMALL_MAX} chars, {@value #LARGE_SLOTS} of up to
 * {@value #LARGE_MAX}. Longer values are not shared.
 *
 * <p>Safe without locks: a slot holds a reference to an immutable {@code String}, and a lost write only costs a
 * copy that is not shared. A value is only ever returned for an equal value, so nothing one session renders is
 * shown to another.
 */
public final class SharedStrings {

    static final int SMALL_MAX = 256;
    static final int LARGE_MAX = 64 * 1024;
    private static final int SMALL_SLOTS = 4096;
    private static final int LARGE_SLOTS = 64;

    private static final String[] SMALL = new String[SMALL_SLOTS];
    private static final String[] LARGE = new String[LARGE_SLOTS];

    private SharedStrings() {
    }

    /** The shared instance equal to {@code value}, or {@code value} itself (which may be shared from now on); null for null. */
    public static String share(String value) {
        if (value == null) {
            return null;
        }
        int length = value.length();
        if (length == 0 || length > LARGE_MAX) {
            return value;
        }
        String[] slots = length <= SMALL_MAX ? SMALL : LARGE;
        int h = value.hashCode();
        int i = (h ^ (h >>> 16)) & (slots.length - 1);
        String known = slots[i];
        if (known != null && known.equals(value)) {
            return known;
        }
        slots[i] = value;
        return value;
    }
}
