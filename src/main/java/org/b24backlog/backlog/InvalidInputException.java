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
        if (value == null || !value.matches("[1-9][0-9]{0,17}")) {
            throw new InvalidInputException("Invalid " + name + " '" + (value == null ? "" : value)
                    + "': expected a positive whole number");
        }
        return value;
    }
}
