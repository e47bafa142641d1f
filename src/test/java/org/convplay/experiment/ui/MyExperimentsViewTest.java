package org.convplay.experiment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Locale;
import org.convplay.account.AccountRef;
import org.convplay.account.AccountService;
import org.convplay.account.Role;
import org.convplay.classroom.KaribuSpringTest;
import org.convplay.classroom.TestUsers;
import org.convplay.experiment.Experiment;
import org.convplay.experiment.ExperimentService;
import org.convplay.shared.Messages;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** "My experiments" lists what the signed-in user saved, in their language and on the server's clock. */
class MyExperimentsViewTest extends KaribuSpringTest {

    @Autowired
    AccountService accounts;
    @Autowired
    ExperimentService experiments;
    @Autowired
    ObjectMapper json;

    @Test
    void savedExperimentsAreListedWithTheirDateInTheReadersLanguage() throws Exception {
        AccountRef user = TestUsers.signUp(accounts, "ana", Role.STUDENT);
        TestUsers.actAs(user);
        Experiment saved = experiments.save(new ExperimentService.Draft("Meu primeiro kernel", "", "playground",
                json.readTree("{\"input\": [[1,2],[3,4]], \"layers\": [{\"type\": \"conv2d\", \"kernel\": [[[[1]]]]}]}"),
                null, null), null);

        openAs(user);
        UI.getCurrent().setLocale(Messages.PORTUGUESE);
        UI.getCurrent().navigate("experiments");
        MyExperimentsView page = (MyExperimentsView) UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0);
        assertThat(GridKt._size(page.grid)).isEqualTo(1);
        List<String> row = GridKt._getFormattedRow(page.grid, 0);
        String portuguese = Messages.date(saved.getCreatedAt(), Messages.PORTUGUESE);
        assertThat(row).contains("Playground", portuguese);

        UI.getCurrent().setLocale(Locale.ENGLISH);
        String english = Messages.date(saved.getCreatedAt(), Locale.ENGLISH);
        assertThat(english).as("the two languages write dates differently").isNotEqualTo(portuguese);
        assertThat(GridKt._getFormattedRow(page.grid, 0)).contains(english);
    }
}
