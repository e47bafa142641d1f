package org.convplay.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.Locale;
import org.convplay.account.AccountRef;
import org.convplay.account.AccountService;
import org.convplay.account.Role;
import org.convplay.classroom.KaribuSpringTest;
import org.convplay.classroom.TestUsers;
import org.convplay.shared.Messages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A refused sign-up marks the field to fix and says why in the reader's language. */
class SignUpViewTest extends KaribuSpringTest {

    @Autowired
    AccountService accounts;

    private SignUpView open(Locale locale) {
        openAs(null);
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().navigate("signup");
        return (SignUpView) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
    }

    @Test
    void eachRefusalNamesTheFieldInTheReadersLanguage() {
        SignUpView page = open(Messages.PORTUGUESE);
        page.username.setValue("ab");
        page.displayName.setValue("Ana");
        page.password.setValue("uma senha comprida");
        page.create.click();
        assertThat(page.username.isInvalid()).isTrue();
        assertThat(page.username.getErrorMessage())
                .isEqualTo("O nome de usuário deve ter de 3 a 40 caracteres: letras, dígitos, \".\", \"_\" ou \"-\".");

        page.username.setValue("ana-" + System.nanoTime());
        page.password.setValue("curta");
        page.create.click();
        assertThat(page.username.isInvalid()).isFalse();
        assertThat(page.password.isInvalid()).isTrue();
        assertThat(page.password.getErrorMessage()).isEqualTo("A senha deve ter pelo menos 8 caracteres e no máximo 72 bytes.");

        AccountRef existing = TestUsers.signUp(accounts, "bea", Role.STUDENT);
        SignUpView english = open(Locale.ENGLISH);
        english.username.setValue(existing.username());
        english.displayName.setValue("Bea");
        english.password.setValue("a long enough password");
        english.create.click();
        assertThat(english.username.getErrorMessage()).isEqualTo("The username \"" + existing.username() + "\" is taken.");
    }
}
