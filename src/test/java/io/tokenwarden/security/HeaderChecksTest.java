package io.tokenwarden.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

class HeaderChecksTest {

    @ParameterizedTest
    @ValueSource(strings = {"Bearer tw_0123456789abcdef_x-y", "application/json; charset=utf-8", "", " ", "~"})
    void allowsPrintableAscii(String text) {
        assertThat(HeaderChecks.NAME.test(text)).isTrue();
        assertThat(HeaderChecks.VALUE.test(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\nb", "a\rb", "\u007f", "\u0085", "x\u0378"})
    void refusesControlAndUnassignedCharacters(String text) {
        assertThat(HeaderChecks.NAME.test(text)).isFalse();
        assertThat(HeaderChecks.VALUE.test(text)).isFalse();
    }

    @Test
    void allowsTabsInValuesOnly() {
        assertThat(HeaderChecks.VALUE.test("a\tb")).isTrue();
        assertThat(HeaderChecks.NAME.test("a\tb")).isFalse();
    }

    @Test
    void agreesWithTheDefaultFirewallOnEveryCharacterAndOnRandomStrings() {
        for (int c = 0; c <= 0xFFFF; c++) {
            assertAgree(String.valueOf((char) c));
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                text.appendCodePoint(random.nextInt(4) == 0 ? random.nextInt(0x20000) : random.nextInt(0x20, 0x7f));
            }
            assertAgree(text.toString());
        }
    }

    private static final StrictHttpFirewall DEFAULT = new StrictHttpFirewall();
    private static final StrictHttpFirewall OURS = HeaderChecks.firewall();

    /** Ours allows a header name or value exactly when Spring Security's default firewall does. */
    private static void assertAgree(String text) {
        assertThat(allows(OURS, text, "v")).as("name %s", text).isEqualTo(allows(DEFAULT, text, "v"));
        assertThat(allows(OURS, "X-Test", text)).as("value %s", text).isEqualTo(allows(DEFAULT, "X-Test", text));
    }

    private static boolean allows(StrictHttpFirewall firewall, String name, String value) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/events");
        request.addHeader(name, value);
        try {
            firewall.getFirewalledRequest(request).getHeader(name);
            return true;
        } catch (RequestRejectedException e) {
            return false;
        }
    }
}
