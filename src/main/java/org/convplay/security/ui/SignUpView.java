package org.convplay.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.convplay.account.Account;
import org.convplay.account.AccountService;
import org.convplay.account.Role;
import org.convplay.account.SignUpException;
import org.convplay.limits.RefusedException;
import org.convplay.shared.Messages;
import org.convplay.ui.MainLayout;

/** Creates a teacher or student account, then sends the person to sign in. */
@Route(value = "signup", layout = MainLayout.class)
@AnonymousAllowed
public class SignUpView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

    private final AccountService accounts;
    private final H2 heading = new H2();
    final TextField username = new TextField();
    final TextField displayName = new TextField();
    final PasswordField password = new PasswordField();
    final RadioButtonGroup<Role> role = new RadioButtonGroup<>();
    final Button create = new Button();
    final Anchor login = new Anchor("login", "");

    public SignUpView(AccountService accounts) {
        this.accounts = accounts;
        username.setId("username");
        username.setMaxLength(Account.USERNAME_MAX);
        displayName.setId("display-name");
        displayName.setMaxLength(Account.DISPLAY_NAME_MAX);
        password.setId("password");
        role.setId("role");
        role.setItems(accounts.teacherSignUpAllowed() ? java.util.List.of(Role.STUDENT, Role.TEACHER) : java.util.List.of(Role.STUDENT));
        role.setValue(Role.STUDENT);
        create.setId("create-account");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> submit());
        setMaxWidth("30em");
        add(heading, username, displayName, password, role, create, login);
    }

    void submit() {
        username.setInvalid(false);
        displayName.setInvalid(false);
        password.setInvalid(false);
        role.setInvalid(false);
        try {
            accounts.signUp(username.getValue(), displayName.getValue(), password.getValue(), role.getValue());
            getUI().ifPresent(ui -> ui.navigate(LoginView.class));
        } catch (RefusedException e) {
            username.setErrorMessage(getTranslation(e.messageKey(), e.retryAfterSeconds()));
            username.setInvalid(true);
        } catch (SignUpException e) {
            switch (e.field()) {
                case "username" -> show(username, e);
                case "displayName" -> show(displayName, e);
                case "password" -> show(password, e);
                default -> {
                    role.setErrorMessage(Messages.explain(e, getLocale()));
                    role.setInvalid(true);
                }
            }
        }
    }

    private void show(com.vaadin.flow.component.textfield.TextFieldBase<?, ?> field, SignUpException e) {
        field.setErrorMessage(Messages.explain(e, getLocale()));
        field.setInvalid(true);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        heading.setText(getTranslation("classroom.signup.title"));
        username.setLabel(getTranslation("classroom.signup.username"));
        displayName.setLabel(getTranslation("classroom.signup.displayName"));
        password.setLabel(getTranslation("classroom.signup.password"));
        role.setLabel(getTranslation("classroom.signup.role"));
        role.setItemLabelGenerator(r -> getTranslation("classroom.role." + r.name().toLowerCase(java.util.Locale.ROOT)));
        create.setText(getTranslation("classroom.signup.submit"));
        login.setText(getTranslation("classroom.signup.haveAccount"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.signUp");
    }
}
