package org.convplay.benchmark.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.util.List;
import java.util.Locale;
import org.convplay.classroom.KaribuSpringTest;
import org.convplay.engine.benchmark.BenchmarkRunner;
import org.junit.jupiter.api.Test;

/** The timing practical on the benchmark page: graded on the page's last run and the ratio typed in the task bar. */
class BenchmarkTaskTest extends KaribuSpringTest {

    private static void check(String ratio) {
        _get(TextField.class, s -> s.withId("part-ratio")).setValue(ratio);
        _get(Button.class, s -> s.withId("task-check")).click();
    }

    private static String item(String check) {
        return _get(ListItem.class, s -> s.withId("task-item-" + check)).getText();
    }

    @Test
    void theRatioIsCheckedAgainstTheRunThePageShowed() {
        openAs(null);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().navigate("benchmark", QueryParameters.fromString("task=practical-timing&seed=0"));
        BenchmarkView view = (BenchmarkView) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);

        check("2");
        assertThat(_get(Pre.class, s -> s.withId("task-feedback")).getText()).as("nothing run yet").contains("results");

        view.show(new BenchmarkRunner.Report(new BenchmarkRunner.Request(512, 3, 1, 1, 5),
                List.of(new BenchmarkRunner.Row("cpu", 2.0, 1.0, 1e-6, 5, ""), new BenchmarkRunner.Row("opencv", 1.0, 2.0, 1e-6, 5, "")),
                new BenchmarkRunner.Machine(2, "cpu", "jvm", "os", 512, List.of())));
        check("2");
        assertThat(_get(Span.class, s -> s.withId("task-result")).getText()).isEqualTo("Correct.");
        check("0.5");
        assertThat(item("ratio")).startsWith("✘").contains("(2.00)");
        assertThat(item("engines")).startsWith("✔");
    }
}
