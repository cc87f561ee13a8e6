package fr.carence.store.jdbc;

import fr.carence.store.LayerSchema.AttributeType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Converts attribute values between what callers give, the Java type of each
 * {@link AttributeType} and JDBC. Conversion failures throw {@link IllegalArgumentException}
 * with a short message; callers add the property or feature that was wrong.
 */
final class AttributeValues {

    private static final int MAX_ECHO = 60;

    private AttributeValues() {
    }

    /**
     * Converts a value to {@code type.javaType()}.
     *
     * @param lenient true for filter literals (text from a URL or XML is parsed); false for
     *                features being written, where e.g. a number given for a STRING code would
     *                silently lose its leading zeros
     */
    static Object convert(AttributeType type, Object value, boolean lenient) {
        if (value == null) {
            return null;
        }
        try {
            Object converted = switch (type) {
                case STRING -> toStringValue(value, lenient);
                case INTEGER -> toInteger(value);
                case LONG -> toLong(value);
                case DOUBLE -> toDouble(value);
                case BOOLEAN -> toBoolean(value);
                case DATE -> toDate(value);
                case TIMESTAMP -> toInstant(value, lenient);
            };
            if (converted != null) {
                return converted;
            }
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            // reported below with the offending value
        }
        throw new IllegalArgumentException("expected " + type + ", got " + describe(value));
    }

    /** A user-supplied text cut to a length fit for an error message. */
    static String shorten(String text) {
        return text.length() > MAX_ECHO ? text.substring(0, MAX_ECHO) + "…" : text;
    }

    /** Short, safe rendering of a user value for an error message. */
    static String describe(Object value) {
        String text = shorten(String.valueOf(value));
        return (value instanceof CharSequence ? "'" + text + "'" : text)
                + " (" + value.getClass().getSimpleName() + ")";
    }

    private static String toStringValue(Object value, boolean lenient) {
        if (value instanceof CharSequence s) {
            return s.toString();
        }
        return lenient && (value instanceof Number || value instanceof Boolean) ? value.toString() : null;
    }

    private static Integer toInteger(Object value) {
        Long l = toLong(value);
        return l == null ? null : Math.toIntExact(l);
    }

    private static Long toLong(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger b) {
            return b.longValueExact();
        }
        if (value instanceof BigDecimal d) {
            return d.longValueExact();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? new BigDecimal(d).longValueExact() : null;
        }
        if (value instanceof CharSequence s) {
            return Long.parseLong(s.toString().trim());
        }
        return null;
    }

    private static Double toDouble(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof CharSequence s) {
            return Double.parseDouble(s.toString().trim());
        }
        return null;
    }

    private static Boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof CharSequence s) {
            return switch (s.toString().trim().toLowerCase(Locale.ROOT)) {
                case "true", "1" -> Boolean.TRUE;
                case "false", "0" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }

    private static LocalDate toDate(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof CharSequence s) {
            return LocalDate.parse(s.toString().trim());
        }
        return null;
    }

    private static Instant toInstant(Object value, boolean lenient) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (!lenient) {
            return null;
        }
        // Filter literals: a bare date or local date-time is taken as UTC.
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay(ZoneOffset.UTC).toInstant();
        }
        if (value instanceof CharSequence cs) {
            String s = cs.toString().trim();
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            try {
                return OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            }
        }
        return null;
    }

    /** Binds an already converted value (or null) of the given type. */
    static void bind(PreparedStatement ps, int index, AttributeType type, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, sqlType(type));
        } else if (value instanceof Instant i) {
            ps.setObject(index, i.atOffset(ZoneOffset.UTC));
        } else {
            ps.setObject(index, value);
        }
    }

    /** Binds a filter parameter: a converted attribute value or WKB bytes. */
    static void bindParameter(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof byte[] bytes) {
            ps.setBytes(index, bytes);
        } else if (value instanceof Instant i) {
            ps.setObject(index, i.atOffset(ZoneOffset.UTC));
        } else {
            ps.setObject(index, value);
        }
    }

    /** Reads a column as {@code type.javaType()}. */
    static Object read(ResultSet rs, int column, AttributeType type) throws SQLException {
        Object value = switch (type) {
            case STRING -> rs.getString(column);
            case INTEGER -> rs.getInt(column);
            case LONG -> rs.getLong(column);
            case DOUBLE -> rs.getDouble(column);
            case BOOLEAN -> rs.getBoolean(column);
            case DATE -> rs.getObject(column, LocalDate.class);
            case TIMESTAMP -> {
                OffsetDateTime odt = rs.getObject(column, OffsetDateTime.class);
                yield odt == null ? null : odt.toInstant();
            }
        };
        return rs.wasNull() ? null : value;
    }

    static int sqlType(AttributeType type) {
        return switch (type) {
            case STRING -> Types.VARCHAR;
            case INTEGER -> Types.INTEGER;
            case LONG -> Types.BIGINT;
            case DOUBLE -> Types.DOUBLE;
            case BOOLEAN -> Types.BOOLEAN;
            case DATE -> Types.DATE;
            case TIMESTAMP -> Types.TIMESTAMP_WITH_TIMEZONE;
        };
    }
}
