package org.convplay.experiment;

/** The signed-in account's name, or null for an anonymous visitor. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static String name() {
        return null;
    }
}
