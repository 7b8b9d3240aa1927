package dev.relive.runtime.internal.route;

import java.util.Locale;
import java.util.UUID;

/**
 * Converts the text of a route or query parameter to a field's type: {@code String}, {@code int}, {@code long},
 * {@code boolean}, {@code double}, their boxes, enums (by constant name, case-insensitive) and {@code UUID}.
 */
public final class ParamConverter {

    private ParamConverter() {
    }

    /** Whether fields of {@code type} can hold a parameter. */
    public static boolean supports(Class<?> type) {
        return type == String.class || type == int.class || type == Integer.class || type == long.class
                || type == Long.class || type == boolean.class || type == Boolean.class || type == double.class
                || type == Double.class || type == UUID.class || type.isEnum();
    }

    /**
     * {@code text} as a {@code type}; {@code null} text gives {@code null}, or the zero of a primitive.
     *
     * @throws BadParamException when the text is not a value of the type
     */
    public static Object convert(String name, String text, Class<?> type) {
        if (text == null) {
            return zero(type);
        }
        try {
            return parse(text, type);
        } catch (IllegalArgumentException e) {
            throw new BadParamException(name + ": '" + shorten(text) + "' is not a " + type.getSimpleName());
        }
    }

    private static Object parse(String text, Class<?> type) {
        if (type == String.class) {
            return text;
        } else if (type == int.class || type == Integer.class) {
            return Integer.valueOf(text);
        } else if (type == long.class || type == Long.class) {
            return Long.valueOf(text);
        } else if (type == double.class || type == Double.class) {
            double d = Double.parseDouble(text);
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("not finite");
            }
            return d;
        } else if (type == boolean.class || type == Boolean.class) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("not a boolean");
            };
        } else if (type == UUID.class) {
            UUID uuid = UUID.fromString(text);
            if (!uuid.toString().equalsIgnoreCase(text)) {
                throw new IllegalArgumentException("not canonical");
            }
            return uuid;
        } else if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("no such constant");
        }
        throw new IllegalArgumentException("unsupported type");
    }

    private static Object zero(Class<?> type) {
        if (type == int.class) {
            return 0;
        } else if (type == long.class) {
            return 0L;
        } else if (type == double.class) {
            return 0d;
        } else if (type == boolean.class) {
            return false;
        }
        return null;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
