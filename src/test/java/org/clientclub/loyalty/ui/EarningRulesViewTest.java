package org.clientclub.loyalty.ui;

import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import java.nio.charset.StandardCharsets;
import org.clientclub.loyalty.EarningRule;
import org.clientclub.loyalty.RefusedEarningRule;
import org.clientclub.support.KaribuTest;
import org.junit.jupiter.api.Test;

/** Managers see the earning tables in force, download them, and are told why an upload was refused. */
class EarningRulesViewTest extends KaribuTest {

    @Test
    void managersSeeBothTablesAndWhyAnUploadWasRefused() {
        login("olga", "CLUB_MANAGER");
        UI.getCurrent().navigate(EarningRulesView.class);

        @SuppressWarnings("unchecked")
        Grid<EarningRule> grid = _get(Grid.class, spec -> spec.withId("rules-grid"));
        assertThat(_size(grid)).isEqualTo(2);
        assertThat(_getFormattedRow(grid, 0)).first().asString().contains("Баллы за участие в клубе");
        assertThat(_getFormattedRow(grid, 1)).first().asString().contains("Баллы за покупки");
        Anchor download = (Anchor) _getCellComponent(grid, 1, "download");
        assertThat(download.getId()).contains("rules-download-PurchasePoints");
        assertThat(download.getHref()).isNotBlank();

        EarningRulesView view = _get(EarningRulesView.class);
        view.deploy("<definitions/>".getBytes(StandardCharsets.UTF_8));

        assertThat(_get(Paragraph.class, spec -> spec.withId("rules-outcome")).getText())
                .startsWith("Файл не читается как таблица решений DMN");
    }

    @Test
    void aManagerIsToldThatATableWithCodeInItIsRefused() {
        login("olga", "CLUB_MANAGER");
        UI.getCurrent().navigate(EarningRulesView.class);

        _get(EarningRulesView.class).deploy("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="D" name="D" namespace="x">
                  <decision id="ActivityPoints" name="A">
                    <decisionTable id="T">
                      <input id="I"><inputExpression id="E" typeRef="string"><text>activity</text></inputExpression></input>
                      <output id="O" name="points" typeRef="integer"/>
                      <rule id="R">
                        <inputEntry id="IE"><text>"IDEA_ACCEPTED"</text></inputEntry>
                        <outputEntry id="OE" expressionLanguage="juel"><text>${"".getClass().forName("java.lang.Runtime")}</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.strip().getBytes(StandardCharsets.UTF_8));

        assertThat(_get(Paragraph.class, spec -> spec.withId("rules-outcome")).getText())
                .startsWith("Таблица может быть написана только на FEEL")
                .contains("<outputEntry expressionLanguage=\"juel\">, 9");
        // The file is kept with why, on the same screen.
        @SuppressWarnings("unchecked")
        Grid<RefusedEarningRule> refused = _get(Grid.class, spec -> spec.withId("rules-refused"));
        assertThat(_getFormattedRow(refused, 0)).first().asString().contains("olga");
        assertThat(_getFormattedRow(refused, 0).get(1)).startsWith("Таблица может быть написана только на FEEL");
        assertThat(((Anchor) _getCellComponent(refused, 0, "download")).getHref())
                .isNotBlank();
    }

    @Test
    void staffWhoAreNotManagersDoNotGetTheScreen() {
        login("irina", "CLUB_STAFF");
        // production mode hides the reason ("Access is denied ...") from the message; the exception is the same
        assertThatThrownBy(() -> UI.getCurrent().navigate("earning-rules"))
                .isInstanceOf(MockAccessDeniedException.class);
        assertThat(_find(EarningRulesView.class)).isEmpty();
    }
}
