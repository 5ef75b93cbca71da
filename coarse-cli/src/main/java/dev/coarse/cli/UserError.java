package dev.coarse.cli;

/** Bad input from the user: reported as one line {@code coarse: error: <message>} with exit code 2. */
public final class UserError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
