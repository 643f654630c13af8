package org.bayan.platform;

/** The member of staff may not do this; answered with 403 and never carried out. */
public final class Forbidden extends RuntimeException {

    public Forbidden(String what) {
        super(what, null, false, false);
    }
}
