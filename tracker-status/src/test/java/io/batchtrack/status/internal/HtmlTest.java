package io.batchtrack.status.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void theFiveMarkupCharactersAreEscapedLineBreaksKeptOtherControlsReplaced() {
        assertThat(Html.escape("<a href=\"x\" title='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
        assertThat(Html.escape("line 1\r\nline 2\tend\u0007\u001b[31m")).isEqualTo("line 1\r\nline 2\tend\uFFFD\uFFFD[31m");
        assertThat(Html.escape(null)).isEmpty();
    }
}
