package org.convplay.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void allFiveHtmlCharactersAreEscapedSingleQuoteIncluded() {
        assertThat(Html.escape("<a href='x' title=\"y\">&</a>"))
                .isEqualTo("&lt;a href=&#39;x&#39; title=&quot;y&quot;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void aTitleCannotLeaveASingleQuotedAttribute() {
        String attribute = "<iframe title='" + Html.escape("x' onload='alert(1)") + "'>";
        assertThat(attribute).isEqualTo("<iframe title='x&#39; onload=&#39;alert(1)'>");
    }

    @Test
    void lettersOutsideAsciiStayReadable() {
        assertThat(Html.escape("Convolução 3×3")).isEqualTo("Convolução 3×3");
    }
}
