package org.convplay.classroom;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.List;
import kotlin.jvm.functions.Function0;
import org.convplay.AppTest;
import org.convplay.account.AccountRef;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Karibu-Testing with the application's Spring beans and its view access rules: each test opens a
 * mocked browser session as someone ({@link #openAs}) and navigates as that person would.
 */
@AppTest
public abstract class KaribuSpringTest {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("org.convplay");

    @Autowired
    protected ApplicationContext context;

    /** A fresh session as {@code who} (null for an anonymous visitor); Vaadin reads the principal from the request. */
    protected void openAs(AccountRef who) {
        MockVaadin.tearDown();
        if (who == null) {
            TestUsers.anonymous();
        } else {
            TestUsers.actAs(who);
        }
        Authentication auth = who == null ? null : SecurityContextHolder.getContext().getAuthentication();
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session);
            request.setUserPrincipalInt(auth);
            request.setUserInRole((principal, role) -> auth != null
                    && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
            return request;
        });
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
    }

    @AfterEach
    void closeSession() {
        MockVaadin.tearDown();
        TestUsers.anonymous();
    }

    /** The view the UI shows now, after any reroute by the access rules. */
    protected static Class<? extends Component> currentView() {
        List<?> chain = UI.getCurrent().getInternals().getActiveRouterTargetsChain();
        return ((Component) chain.get(0)).getClass();
    }
}
