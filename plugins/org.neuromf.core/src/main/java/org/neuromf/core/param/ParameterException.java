package org.neuromf.core.param;

/**
 * A parameter value that is not allowed. The message always names the parameter, the value given
 * and what is allowed, so that a user can fix it without reading code.
 */
public class ParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String key;

    public ParameterException(String key, String message) {
        super(message);
        this.key = key;
    }

    /** {@code key = value is outside the allowed range R[: detail]}. */
    public static ParameterException outOfRange(String key, Object value, Object allowed, String detail) {
        String text = key + " = " + value + " is outside the allowed range " + allowed;
        return new ParameterException(key, detail == null || detail.isEmpty() ? text : text + ": " + detail);
    }

    /** The parameter (setting key or column name) that was refused. */
    public String key() {
        return key;
    }
}
