package org.convplay.account;

/** An account as other features see it: who, and in which role. */
public record AccountRef(long id, String username, String displayName, Role role) {
}
