package io.batchtrack.status.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TemplateTest {
    private static final Template T = Template.parse("test.html", String.join("\n",
            "{{! a comment between fragments }}",
            "{{#item}}<li class=\"{{kind}}\">{{text}}</li>",
            "{{/item}}",
            "{{#list}}<ul>{{items}}</ul>{{/list}}",
            ""));

    @Test
    void aFragmentIsItsExactTextWithTextSlotsEscapedAndMarkupSlotsAsIs() {
        Markup item = T.fragment("item").render("kind", "a\"b", "text", "<script>&");

        assertThat(item.toString()).isEqualTo("<li class=\"a&quot;b\">&lt;script&gt;&amp;</li>\n");
        assertThat(T.fragment("list").render("items", item).toString())
                .isEqualTo("<ul><li class=\"a&quot;b\">&lt;script&gt;&amp;</li>\n</ul>");
        assertThat(T.fragment("item").render("kind", 7, "text", null).toString()).isEqualTo("<li class=\"7\"></li>\n");
    }

    @Test
    void aSlotLeftEmptyOrAValueWithoutASlotIsAFaultOfTheRenderer() {
        assertThatThrownBy(() -> T.fragment("item").render("kind", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("item").hasMessageContaining("[kind, text]");
        assertThatThrownBy(() -> T.fragment("item").render("kind", "x", "text", "y", "txet", "z"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("txet");
        assertThatThrownBy(() -> T.fragment("table")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no fragment table");
    }

    @Test
    void aMalformedTemplateIsRefusedWhenItIsRead() {
        assertThatThrownBy(() -> Template.parse("t", "stray {{#a}}x{{/a}}")).hasMessageContaining("outside a fragment");
        assertThatThrownBy(() -> Template.parse("t", "{{#a}}x")).hasMessageContaining("has no {{/a}}");
        assertThatThrownBy(() -> Template.parse("t", "{{#a}}{{x y}}{{/a}}")).hasMessageContaining("not a plain name");
        assertThatThrownBy(() -> Template.parse("t", "{{#a}}x{{/a}}{{#a}}y{{/a}}")).hasMessageContaining("twice");
        assertThatThrownBy(() -> Template.load(TemplateTest.class, "missing.html")).hasMessageContaining("missing");
    }

    @Test
    void theStatusPagesTemplateParses() {
        Template page = Template.load(StatusPage.class, "status-page.html");

        assertThat(page.fragment("status").render("code", "failed", "symbol", "✗").toString())
                .isEqualTo("<span class=\"status status-failed\">✗ failed</span>");
    }
}
