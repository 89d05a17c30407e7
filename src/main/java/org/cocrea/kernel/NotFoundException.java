package org.cocrea.kernel;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The one "not found" of Cocrea: a proposal, commitment, round-table, task or page id that does not exist (or that the
 * caller may not know exists). Mapped once, by {@link ResponseStatus}, to HTTP 404: public pages show the translated
 * 404 page and {@code /api/**} answers the API's error list with code {@code notFound}
 * ({@code web/ApiErrorAttributes}). Use it instead of {@code NoSuchElementException},
 * {@code IllegalArgumentException} or {@code ResponseStatusException(NOT_FOUND)}.
 * <p>
 * {@link #getMessage()} is for logs only.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    private final String kind;
    private final transient Object id;

    /**
     * @param kind what was looked for, e.g. {@code proposal}, {@code commitment}, {@code task}
     * @param id   the id or code asked for, may be null
     */
    public NotFoundException(String kind, Object id) {
        super("No " + kind + " " + id);
        this.kind = kind;
        this.id = id;
    }

    /** @return what was looked for, e.g. {@code proposal} */
    public String kind() {
        return kind;
    }

    /** @return the id or code asked for, may be null */
    public Object id() {
        return id;
    }
}
