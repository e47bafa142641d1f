package org.convplay.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.convplay.ui.MainLayout;

/** Sign-in for teachers and students; the form posts to Spring Security's {@code /login}. */
@Route(value = "login", layout = MainLayout.class)
@Menu(title = "classroom.nav.login", order = 90)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    final LoginForm login = new LoginForm();
    final Anchor signUp = new Anchor("signup", "");

    public LoginView() {
        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        signUp.setId("signup-link");
        setAlignItems(Alignment.CENTER);
        add(login, signUp);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // Spring Security sends a failed login back to /login?error.
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setTitle(getTranslation("classroom.login.title"));
        i18n.getForm().setUsername(getTranslation("classroom.login.username"));
        i18n.getForm().setPassword(getTranslation("classroom.login.password"));
        i18n.getForm().setSubmit(getTranslation("classroom.login.submit"));
        i18n.getErrorMessage().setTitle(getTranslation("classroom.login.errorTitle"));
        i18n.getErrorMessage().setMessage(getTranslation("classroom.login.errorMessage"));
        login.setI18n(i18n);
        signUp.setText(getTranslation("classroom.login.signUp"));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("title.signIn");
    }
}
