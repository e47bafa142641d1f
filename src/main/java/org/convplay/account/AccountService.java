package org.convplay.account;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.convplay.limits.Clients;
import org.convplay.limits.RateLimits;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-up and the user store Spring Security logs in against; also tells other features who is
 * signed in. Usernames are stored lower-case so "Ana" and "ana" are one account.
 */
@Service
public class AccountService implements UserDetailsService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]+");

    private final AccountRepository accounts;
    private final PasswordEncoder encoder;
    private final boolean teacherSignUp;
    private final SecurityContextHolderStrategy contexts;
    private final RateLimits rates;

    public AccountService(AccountRepository accounts, PasswordEncoder encoder,
                          @Value("${convplay.classroom.teacher-sign-up:true}") boolean teacherSignUp,
                          ObjectProvider<SecurityContextHolderStrategy> contexts, RateLimits rates) {
        this.accounts = accounts;
        this.rates = rates;
        this.encoder = encoder;
        this.teacherSignUp = teacherSignUp;
        this.contexts = contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    /** Whether the sign-up page offers the teacher role (a deployment may turn it off). */
    public boolean teacherSignUpAllowed() {
        return teacherSignUp;
    }

    @Transactional
    public AccountRef signUp(String username, String displayName, String password, Role role) {
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (name.length() < Account.USERNAME_MIN || name.length() > Account.USERNAME_MAX || !USERNAME.matcher(name).matches()) {
            throw new SignUpException("username", "error.signup.username", Account.USERNAME_MIN, Account.USERNAME_MAX);
        }
        String shown = displayName == null ? "" : displayName.trim();
        if (shown.isEmpty() || shown.length() > Account.DISPLAY_NAME_MAX) {
            throw new SignUpException("displayName", "error.signup.displayName", Account.DISPLAY_NAME_MAX);
        }
        if (password == null || password.length() < Account.PASSWORD_MIN || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > Account.PASSWORD_MAX) {
            throw new SignUpException("password", "error.signup.password", Account.PASSWORD_MIN, Account.PASSWORD_MAX);
        }
        if (role == null) {
            throw new SignUpException("role", "error.signup.role");
        }
        if (role == Role.TEACHER && !teacherSignUp) {
            throw new SignUpException("role", "error.signup.noTeachers");
        }
        if (accounts.existsByUsername(name)) {
            throw new SignUpException("username", "error.signup.taken", name);
        }
        String address = Clients.address();
        rates.take(RateLimits.Limit.SIGN_UP, address == null ? null : "address:" + address);
        Account a = accounts.save(new Account(name, shown, encoder.encode(password), role, Instant.now()));
        return a.ref();
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        Account a = accounts.findByUsername(username == null ? "" : username.trim().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return new User(a.getUsername(), a.getPasswordHash(), List.of(new SimpleGrantedAuthority("ROLE_" + a.getRole().name())));
    }

    /** The signed-in account, or empty for an anonymous visitor. */
    @Transactional(readOnly = true)
    public Optional<AccountRef> current() {
        // Read through this application context's strategy, the one its security filters write: Vaadin
        // installs one per context and also sets it globally, so where a JVM holds several contexts
        // (the test suite) the global one may belong to another. One context: both are the same.
        Authentication auth = contexts.getContext().getAuthentication();
        if (auth == null || auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
            auth = SecurityContextHolder.getContext().getAuthentication();
        }
        if (auth == null || !auth.isAuthenticated() || auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return accounts.findByUsername(auth.getName()).map(Account::ref);
    }

    /** The signed-in account; access is denied when there is none. */
    public AccountRef requireCurrent() {
        return current().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("sign in first"));
    }
}
