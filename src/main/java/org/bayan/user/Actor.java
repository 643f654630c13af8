package org.bayan.user;

/** Who acted and from which address; {@code id} is null for an unknown or anonymous actor. */
public record Actor(Long id, String name, String address) {

    /** Changes made by Bayan itself, such as the first admin account. */
    public static Actor system() {
        return new Actor(null, "system", null);
    }
}
