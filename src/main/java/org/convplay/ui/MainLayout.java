package org.convplay.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.convplay.account.AccountRef;
import org.convplay.account.AccountService;
import org.convplay.shared.Messages;

/**
 * The frame around every page: title, side navigation built from the views' {@code @Menu}
 * annotations (their titles are translation keys), who is signed in with "Sign out" (or "Sign in"),
 * and the language switch.
 */
public class MainLayout extends AppLayout implements LocaleChangeObserver {

    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Messages.PORTUGUESE);

    private final Span title = new Span();
    private final SideNav nav = new SideNav();
    private final Select<Locale> language = new Select<>();
    /** The signed-in account, read once per page: a sign-in or sign-out reloads the page. */
    private final Optional<AccountRef> account;
    final Span signedInAs = new Span();
    final Button signOut = new Button();
    final Anchor signIn = new Anchor("login", "");

    public MainLayout(AccountService accounts, AuthenticationContext auth) {
        account = accounts.current();
        signedInAs.setId("signed-in-as");
        signOut.setId("sign-out");
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        signOut.addClickListener(e -> auth.logout());
        signIn.setId("sign-in");
        signedInAs.setVisible(account.isPresent());
        signOut.setVisible(account.isPresent());
        signIn.setVisible(account.isEmpty());
        title.addClassName("app-title");
        title.getStyle().set("font-weight", "600").set("font-size", "var(--lumo-font-size-l)");
        language.setItems(LANGUAGES);
        language.setItemLabelGenerator(l -> l.getLanguage().equals("pt") ? "Português" : "English");
        language.setId("language");
        // its width is the theme's: narrower on a phone
        language.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                // The session's locale reaches every open UI, and each LocaleChangeObserver relabels itself.
                VaadinSession.getCurrent().setLocale(e.getValue());
            }
        });
        HorizontalLayout bar = new HorizontalLayout(new DrawerToggle(), title, signedInAs, signOut, signIn, language);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        Locale locale = event.getLocale();
        title.setText(getTranslation("app.title"));
        if (getContent() instanceof HasDynamicTitle page) {
            // the router sets a page's title when it navigates; a switch of language does not navigate
            getUI().ifPresent(ui -> ui.getPage().setTitle(page.getPageTitle()));
        }
        language.setValue(Messages.offered(locale));
        account.ifPresent(a -> signedInAs.setText(getTranslation("classroom.home.signedInAs", a.displayName(),
                getTranslation("classroom.role." + a.role().name().toLowerCase(Locale.ROOT)))));
        signOut.setText(getTranslation("classroom.home.logout"));
        signIn.setText(getTranslation("classroom.nav.login"));
        nav.removeAll();
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (account.isPresent() && "classroom.nav.login".equals(entry.title())) {
                // signed in, "Sign in" would be a lie; the top bar says who it is and offers "Sign out"
                continue;
            }
            nav.addItem(new SideNavItem(getTranslation(entry.title()), entry.path()));
        }
    }
}
