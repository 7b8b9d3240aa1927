package dev.relive.runtime.internal.invoke;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.relive.api.Bind;
import dev.relive.api.EventHandler;
import dev.relive.api.LiveView;

class HandlerInvokerTest {

    public record Point(int x, int y) {
    }

    public static class View extends LiveView {
        int count;
        Point point;
        List<String> tags = new ArrayList<>();
        @Bind
        String name;
        String secret = "s";

        @EventHandler
        public void add(int amount) {
            count += amount;
        }

        @EventHandler("moveTo")
        public void move(Point to, List<String> labels) {
            point = to;
            tags = labels;
        }

        @EventHandler
        public void fail() {
            throw new IllegalStateException("nope");
        }

        public void reset() {
            count = 0;
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HandlerInvoker invoker = new HandlerInvoker(json);

    private JsonNode params(String text) throws Exception {
        return json.readTree(text);
    }

    @Test
    void bindsParametersByNameAndConvertsThem() throws Exception {
        View v = new View();
        invoker.invoke(v, "add", params("{\"amount\":\"5\",\"extra\":true}"), null);
        invoker.invoke(v, "moveTo", params("{\"to\":{\"x\":1,\"y\":\"2\"},\"labels\":[\"a\",\"b\"]}"), null);
        assertThat(v.count).isEqualTo(5);
        assertThat(v.point).isEqualTo(new Point(1, 2));
        assertThat(v.tags).containsExactly("a", "b");
    }

    @Test
    void onlyEventHandlersCanBeCalled() throws Exception {
        View v = new View();
        v.count = 3;
        for (String name : List.of("reset", "move", "mount", "toString", "getClass", "wait")) {
            assertThatThrownBy(() -> invoker.invoke(v, name, params("{}"), null))
                    .isInstanceOfSatisfying(InvocationException.class, e -> assertThat(e.code().wireName()).isEqualTo(
                            "unknown_handler"));
        }
        assertThat(v.count).isEqualTo(3);
    }

    @Test
    void wrongOrMissingParametersAndFailuresHaveTheirCodes() throws Exception {
        View v = new View();
        assertThatThrownBy(() -> invoker.invoke(v, "add", params("{\"amount\":\"x\"}"), null))
                .isInstanceOfSatisfying(InvocationException.class, e -> assertThat(e.code().wireName()).isEqualTo("bad_params"));
        assertThatThrownBy(() -> invoker.invoke(v, "add", params("{}"), null))
                .isInstanceOfSatisfying(InvocationException.class, e -> assertThat(e.code().wireName()).isEqualTo("bad_params"));
        assertThatThrownBy(() -> invoker.invoke(v, "fail", params("{}"), null))
                .isInstanceOfSatisfying(InvocationException.class, e -> {
                    assertThat(e.code().wireName()).isEqualTo("handler_failed");
                    assertThat(e.getCause()).hasMessage("nope");
                });
    }

    @Test
    void onlyBindFieldsCanBeSet() throws Exception {
        View v = new View();
        FieldBinder binder = new FieldBinder(json);
        binder.set(v, "name", params("\"Ada\""));
        assertThat(v.name).isEqualTo("Ada");
        assertThatThrownBy(() -> binder.set(v, "secret", params("\"x\"")))
                .isInstanceOfSatisfying(InvocationException.class, e -> assertThat(e.code().wireName()).isEqualTo(
                        "unknown_field"));
        assertThat(v.secret).isEqualTo("s");
    }
}
