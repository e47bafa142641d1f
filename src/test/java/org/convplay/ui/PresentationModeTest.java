package org.convplay.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Map;
import org.convplay.classroom.KaribuSpringTest;
import org.junit.jupiter.api.Test;

/** {@code ?present} switches the sliding window, the playground and the compare page to presentation mode. */
class PresentationModeTest extends KaribuSpringTest {

    @Test
    void thePresentParameterHidesTheMenuAndTheIntroAndLeavingItSwitchesBack() {
        openAs(null);
        for (String page : List.of("", "animation", "compare")) {
            UI.getCurrent().navigate(page, new QueryParameters(Map.of("present", List.of(""))));
            assertThat(Presentation.isOn(UI.getCurrent())).as(page).isTrue();
            assertThat(UI.getCurrent().getElement().getClassList()).contains("present");
            // the locator finds visible components only: the page's intro is there, hidden
            assertThat(LocatorJ._find(Paragraph.class, spec -> spec.withId("intro"))).as(page + " intro").isEmpty();
            MockVaadin.clientRoundtrip();
            MainLayout layout = (MainLayout) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(1);
            assertThat(layout.isDrawerOpened()).as(page + " drawer").isFalse();

            UI.getCurrent().navigate(page);
            assertThat(Presentation.isOn(UI.getCurrent())).as(page).isFalse();
            assertThat(LocatorJ._find(Paragraph.class, spec -> spec.withId("intro"))).as(page + " intro").hasSize(1);
        }
    }
}
