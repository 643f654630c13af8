package org.bayan.platform.web;

/**
 * A request that cannot be answered as asked: thrown by a servlet, rendered by
 * {@link PageServlet} as the site's error page with the given status. Stackless: it is an
 * answer, not a fault.
 */
public final class HttpError extends RuntimeException {

    private final int status;

    private HttpError(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    public static HttpError notFound(String reason) {
        return new HttpError(404, reason);
    }

    public static HttpError badRequest(String reason) {
        return new HttpError(400, reason);
    }

    public int status() {
        return status;
    }
}
