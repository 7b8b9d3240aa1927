package dev.relive.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReloadReasonTest {

    @Test
    void theWireFormReadsBackToTheSameReason() {
        for (ReloadReason.Code code : ReloadReason.Code.values()) {
            for (String name : new String[] {null, "count", "a:b"}) {
                ReloadReason reason = new ReloadReason(code, name);
                assertThat(ReloadReason.parse(reason.toString())).isEqualTo(reason);
            }
        }
        assertThat(ReloadReason.parse("handler_params_changed:add"))
                .isEqualTo(new ReloadReason(ReloadReason.Code.HANDLER_PARAMS_CHANGED, "add"));
        assertThat(ReloadReason.of(ReloadReason.Code.SUPERCLASS_CHANGED)).hasToString("superclass_changed");
    }

    @Test
    void unknownCodesAreRefused() {
        assertThatThrownBy(() -> ReloadReason.parse("tired:now")).isInstanceOf(IllegalArgumentException.class);
    }

}
