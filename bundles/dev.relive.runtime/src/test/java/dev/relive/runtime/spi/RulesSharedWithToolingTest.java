package dev.relive.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.relive.api.EventHandler;

class RulesSharedWithToolingTest {

    public static class View {
        @EventHandler
        public void increment() {
        }

        @EventHandler("add-one")
        public void addOne() {
        }

        public void helper() {
        }
    }

    @Test
    void templateFilesSitBesideTheirClass() {
        assertThat(TemplateFiles.pathOf("com.example.CounterView")).isEqualTo("com/example/CounterView.peb");
        assertThat(TemplateFiles.isTemplate("src/main/resources/com/example/CounterView.peb")).isTrue();
        assertThat(TemplateFiles.isTemplate("CounterView.java")).isFalse();
    }

    @Test
    void aHandlerIsCalledByItsAnnotationsValueElseItsMethodName() throws Exception {
        assertThat(HandlerNames.clientName(View.class.getMethod("increment"))).isEqualTo("increment");
        assertThat(HandlerNames.clientName(View.class.getMethod("addOne"))).isEqualTo("add-one");
        assertThat(HandlerNames.clientName(View.class.getMethod("helper"))).isNull();
    }
}
