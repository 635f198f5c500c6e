package org.alliance.schedule;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a job's payload record into the flat map of strings a job document stores, and back. The
 * record's component names are the field names; values are written as jobs were stored before
 * payloads had types (numbers in decimal, times in ISO-8601, enums by name in lower case), so jobs
 * waiting in a database from then still run. Fields that no component names are ignored, so a
 * component can be dropped without stranding jobs already stored.
 */
final class PayloadCodec {

    private static final Set<Class<?>> PLAIN = Set.of(String.class, int.class, Integer.class, long.class,
            Long.class, Instant.class, LocalDate.class, LocalDateTime.class);

    // Payload records are package-private in their features; reflection is looked up once per type.
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private PayloadCodec() {
    }

    /** Throws unless {@code type} is a record whose every component the codec can store. */
    static void check(Class<? extends Record> type) {
        SHAPES.get(type);
    }

    static Map<String, String> encode(Record payload) {
        Shape shape = SHAPES.get(payload.getClass());
        Map<String, String> data = new LinkedHashMap<>();
        for (int i = 0; i < shape.components().length; i++) {
            String name = shape.components()[i].getName();
            Object value = shape.read(i, payload);
            if (value == null) {
                throw new IllegalArgumentException(payload.getClass().getSimpleName() + "." + name
                        + " is null; every field of a job's payload needs a value");
            }
            data.put(name, format(value));
        }
        return data;
    }

    /** @throws Unreadable when a field is missing or doesn't parse as its component's type */
    static <P extends Record> P decode(Class<P> type, Map<String, ?> data) {
        Shape shape = SHAPES.get(type);
        RecordComponent[] components = shape.components();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = components[i].getName();
            Object stored = data == null ? null : data.get(name);
            if (stored == null) {
                throw new Unreadable(type, "'" + name + "' is missing");
            }
            if (!(stored instanceof String text)) {
                throw new Unreadable(type, "'" + name + "' is stored as " + stored.getClass().getSimpleName() + " "
                        + stored + ", not as text");
            }
            try {
                values[i] = parse(components[i].getType(), text);
            } catch (RuntimeException e) {
                throw new Unreadable(type, "'" + name + "' is '" + text + "', which isn't "
                        + expected(components[i].getType()));
            }
        }
        return type.cast(shape.create(type, values));
    }

    /** The stored form of {@code value} in the field {@code name}: for finding jobs by one of their fields. */
    static String field(Class<? extends Record> type, String name, Object value) {
        if (Arrays.stream(SHAPES.get(type).components()).noneMatch(c -> c.getName().equals(name))) {
            throw new IllegalArgumentException(type.getSimpleName() + " has no field '" + name + "'");
        }
        return format(value);
    }

    private static String format(Object value) {
        return value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : value.toString();
    }

    private static Object parse(Class<?> type, String text) {
        if (type == String.class) {
            return text;
        }
        if (type == int.class || type == Integer.class) {
            return Integer.parseInt(text);
        }
        if (type == long.class || type == Long.class) {
            return Long.parseLong(text);
        }
        if (type == Instant.class) {
            return Instant.parse(text);
        }
        if (type == LocalDate.class) {
            return LocalDate.parse(text);
        }
        if (type == LocalDateTime.class) {
            return LocalDateTime.parse(text);
        }
        for (Object constant : type.getEnumConstants()) {
            if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("no constant " + text);
    }

    private static String expected(Class<?> type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == Instant.class) {
            return "an instant like 2026-12-07T10:00:00Z";
        }
        if (type == LocalDate.class) {
            return "a date like 2026-12-07";
        }
        if (type == LocalDateTime.class) {
            return "a date and time like 2026-12-07T10:00";
        }
        return "one of " + Arrays.stream(type.getEnumConstants()).map(PayloadCodec::format)
                .collect(Collectors.joining(", "));
    }

    /** A stored job's data that doesn't make its payload: trying again won't change that. */
    static final class Unreadable extends RuntimeException {
        Unreadable(Class<?> type, String problem) {
            super("its data doesn't make a " + type.getSimpleName() + ": " + problem);
        }
    }

    private record Shape(RecordComponent[] components, Method[] accessors, Constructor<?> constructor) {

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException(type.getName() + " isn't a record; a job's payload is one");
            }
            RecordComponent[] components = type.getRecordComponents();
            for (RecordComponent c : components) {
                if (!PLAIN.contains(c.getType()) && !c.getType().isEnum()) {
                    throw new IllegalArgumentException(type.getSimpleName() + "." + c.getName() + " is a "
                            + c.getType().getSimpleName() + ", but a job's payload holds only String, int, long, "
                            + "Instant, LocalDate, LocalDateTime and enums");
                }
            }
            Method[] accessors = Arrays.stream(components).map(RecordComponent::getAccessor).toArray(Method[]::new);
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                Arrays.stream(accessors).forEach(a -> a.setAccessible(true));
                return new Shape(components, accessors, constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
            }
        }

        Object read(int i, Record payload) {
            try {
                return accessors[i].invoke(payload);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("can't read " + components[i], e);
            }
        }

        Object create(Class<?> type, Object[] values) {
            try {
                return constructor.newInstance(values);
            } catch (InvocationTargetException e) {
                // The record's own checks refused the values: as unreadable as a field that doesn't parse.
                throw new Unreadable(type, String.valueOf(e.getCause().getMessage()));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("can't create a " + type.getName(), e);
            }
        }
    }
}
