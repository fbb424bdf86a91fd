package org.b24backlog.backlog;

/** A request parameter is missing or malformed; the page says which one. */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }

    /**
     * Returns the value when it is a positive integer id, as Bitrix24 ids are.
     *
     * @throws InvalidInputException otherwise
     */
    public static String requireId(String value, String name) {
        // Bitrix24 ids are 32-bit integers in its database, so anything larger cannot name a real record.
        if (value == null || !value.matches("[1-9][0-9]{0,9}") || Long.parseLong(value) > Integer.MAX_VALUE) {
            throw new InvalidInputException("Invalid " + name + " '" + (value == null ? "" : value)
                    + "': expected a whole number from 1 to " + Integer.MAX_VALUE);
        }
        return value;
    }
}
