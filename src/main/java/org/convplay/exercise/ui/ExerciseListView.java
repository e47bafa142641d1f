package org.convplay.exercise.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.convplay.exercise.Exercise;
import java.util.Set;
import org.convplay.exercise.service.ExerciseService;
import org.convplay.exercise.service.StudentWork;
import org.springframework.beans.factory.ObjectProvider;
import org.convplay.ui.MainLayout;

/** Every exercise, for anyone: pick one to practise. */
@Route(value = "exercises", layout = MainLayout.class)
@Menu(title = "exercise.nav.list", order = 20)
@AnonymousAllowed
public class ExerciseListView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

    private final H2 heading = new H2();
    private final Paragraph intro = new Paragraph();
    final Grid<Exercise> grid = new Grid<>();
    /** Exercises the signed-in student has answered right in an assignment; empty for anyone else. */
    private final Set<String> solved;

    public ExerciseListView(ExerciseService exercises, ObjectProvider<StudentWork> work) {
        StudentWork w = work.getIfAvailable();
        solved = w == null ? Set.of() : w.solved();
        grid.setId("exercise-grid");
        grid.setItems(exercises.list());
        grid.setAllRowsVisible(true);
        add(heading, intro, grid);
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        heading.setText(getTranslation("exercise.list.title"));
        intro.setText(getTranslation("exercise.list.intro"));
        grid.removeAllColumns();
        grid.addComponentColumn(e -> new RouterLink(e.title().in(event.getLocale()), ExercisePracticeView.class,
                new RouteParameters("id", e.id()))).setHeader(getTranslation("exercise.list.exercise")).setFlexGrow(3);
        grid.addColumn(e -> getTranslation("exercise.kind." + e.kind().id())).setHeader(getTranslation("exercise.list.kind"));
        if (!solved.isEmpty()) {
            grid.addColumn(e -> solved.contains(e.id()) ? "✔ " + getTranslation("progress.done") : "")
                    .setHeader(getTranslation("progress.done")).setKey("done");
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("exercise.list.title");
    }
}
