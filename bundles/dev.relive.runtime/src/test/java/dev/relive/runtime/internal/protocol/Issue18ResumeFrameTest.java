package dev.relive.runtime.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A mount may carry the resume key its tab was given; anything else in its place is no key. */
class Issue18ResumeFrameTest {

    private final ClientFrameParser parser = new ClientFrameParser(ProtocolJson.newMapper(), 4096);

    @Test
    void aMountCarriesTheResumeKeyItWasGiven() throws Exception {
        String key = "Kq3vZ0_aB-cD1eF2gH3iJ4kL5mN6oP7q";
        assertThat(parser.parse("{\"type\":\"mount\",\"protocol\":1,\"token\":\"t\",\"url\":\"/c\",\"resume\":\""
                + key + "\"}")).isEqualTo(new ClientFrame.Mount("t", "/c", Map.of(), key));
    }

    @Test
    void aResumeThatIsNoKeyIsLeftOut() throws Exception {
        for (String resume : new String[] {"\"short\"", "\"" + "x".repeat(65) + "\"", "\"../../etc/passwd-aaaaaaaa\"",
                "42", "{}"}) {
            ClientFrame.Mount mount = (ClientFrame.Mount) parser.parse(
                    "{\"type\":\"mount\",\"protocol\":1,\"token\":\"t\",\"url\":\"/c\",\"resume\":" + resume + "}");
            assertThat(mount.resume()).as(resume).isNull();
        }
    }

    @Test
    void theMountedFrameOfAResumableTabCarriesItsKey() {
        ServerFrames.Mounted mounted = new ServerFrames.Mounted(null, "s", "V", "/c", 0, "", "C", null);
        assertThat(ServerFrames.mounted(mounted, "Kq3vZ0_aB-cD1eF2gH3iJ4kL5mN6oP7q"))
                .contains("\"resume\":\"Kq3vZ0_aB-cD1eF2gH3iJ4kL5mN6oP7q\"");
        assertThat(ServerFrames.mounted(mounted)).doesNotContain("resume");
    }
}
