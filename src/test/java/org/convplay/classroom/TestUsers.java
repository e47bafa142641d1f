package org.convplay.classroom;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.convplay.account.AccountRef;
import org.convplay.account.AccountService;
import org.convplay.account.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Real accounts for tests, signed up through the service, and a way to act as one of them. */
public final class TestUsers {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    public static final String PASSWORD = "correct horse battery";

    private TestUsers() {
    }

    public static AccountRef signUp(AccountService accounts, String prefix, Role role) {
        String name = prefix + "-" + COUNTER.incrementAndGet() + "-" + System.nanoTime() % 100000;
        return accounts.signUp(name, prefix + " Person", PASSWORD, role);
    }

    /** Makes later service calls on this thread run as {@code who}, as a signed-in request would. */
    public static void actAs(AccountRef who) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                who.username(), null, List.of(new SimpleGrantedAuthority("ROLE_" + who.role().name()))));
    }

    public static void anonymous() {
        SecurityContextHolder.clearContext();
    }
}
