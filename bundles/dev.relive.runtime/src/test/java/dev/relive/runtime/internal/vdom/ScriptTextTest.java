package dev.relive.runtime.internal.vdom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScriptTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "var a = 1 < 2;                  | true",
            "<!-- x -->                      | true",
            "<!--<script>                    | false",
            "<!--<SCRIPT >x                  | false",
            "<!--<script>x</script>          | true",
            "<!--<script>x-->                | true",
            "<!--<scripts>                   | true",
            "<!--<script                     | true",
            "<!--><script>                   | true",
            "<!--->                          | true",
            "<!--<script>x</script><script>  | false",
    })
    void knowsWhetherAnEndTagWouldCloseTheScript(String text, boolean closable) {
        assertThat(ScriptText.isClosable(text.strip())).isEqualTo(closable);
    }
}
