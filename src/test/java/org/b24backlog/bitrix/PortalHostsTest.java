package org.b24backlog.bitrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.b24backlog.config.BitrixConfig;
import org.junit.jupiter.api.Test;

class PortalHostsTest {

    private final PortalHosts hosts = new PortalHosts(config(List.of("*.bitrix24.com", "crm.example.org", "box.local:8443"), false));

    @Test
    void wildcardCoversSubdomains() {
        assertThat(hosts.isAllowed(PortalAddress.of("acme.bitrix24.com", true))).isTrue();
        assertThat(hosts.isAllowed(PortalAddress.of("ACME.Bitrix24.com:443", true))).isTrue();
    }

    @Test
    void wildcardRejectsLookalikes() {
        assertThat(hosts.isAllowed(PortalAddress.of("bitrix24.com", true))).isFalse();
        assertThat(hosts.isAllowed(PortalAddress.of("evilbitrix24.com", true))).isFalse();
        assertThat(hosts.isAllowed(PortalAddress.of("acme.bitrix24.com.evil.io", true))).isFalse();
        assertThat(hosts.isAllowed(PortalAddress.of("acme.bitrix24.com:8080", true))).isFalse();
    }

    @Test
    void exactEntriesMatchHostAndPort() {
        assertThat(hosts.isAllowed(PortalAddress.of("crm.example.org", true))).isTrue();
        assertThat(hosts.isAllowed(PortalAddress.of("box.local:8443", true))).isTrue();
        assertThat(hosts.isAllowed(PortalAddress.of("box.local", true))).isFalse();
    }

    @Test
    void plainHttpRejectedUnlessAllowed() {
        assertThat(hosts.isAllowed(PortalAddress.of("acme.bitrix24.com", false))).isFalse();
        PortalHosts lenient = new PortalHosts(config(List.of("localhost:8080"), true));
        assertThat(lenient.isAllowed(PortalAddress.of("localhost:8080", false))).isTrue();
    }

    @Test
    void malformedDomainRejected() {
        assertThatThrownBy(() -> hosts.require("acme.bitrix24.com/evil", true)).isInstanceOf(UntrustedPortalException.class);
        assertThatThrownBy(() -> hosts.require("user@acme.bitrix24.com", true)).isInstanceOf(UntrustedPortalException.class);
        assertThatThrownBy(() -> hosts.require(null, true)).isInstanceOf(UntrustedPortalException.class);
    }

    @Test
    void redirectTargetParsed() {
        PortalAddress moved = PortalAddress.ofUrl("https://new-name.bitrix24.com/rest/batch");

        assertThat(moved.host()).isEqualTo("new-name.bitrix24.com");
        assertThat(moved.https()).isTrue();
        assertThat(moved.restUri("user.current").toString()).isEqualTo("https://new-name.bitrix24.com/rest/user.current");
    }

    static BitrixConfig config(List<String> portalHosts, boolean allowHttp) {
        return config(portalHosts, allowHttp, Duration.ofSeconds(480), Duration.ofMinutes(10));
    }

    /** Returns a config with the given execution-time limit and window, and a request timeout of one second. */
    static BitrixConfig config(List<String> portalHosts, boolean allowHttp, Duration operatingLimit,
            Duration operatingWindow) {
        return new BitrixConfig() {
            public String clientId() {
                return "test-client";
            }

            public String clientSecret() {
                return "test-secret";
            }

            public String oauthServer() {
                return "https://oauth.example.invalid";
            }

            public List<String> portalHosts() {
                return portalHosts;
            }

            public boolean allowHttp() {
                return allowHttp;
            }

            public String frameSdkUrl() {
                return "//api.bitrix24.com/api/v1/";
            }

            public Duration connectTimeout() {
                return Duration.ofSeconds(1);
            }

            public Duration requestTimeout() {
                return Duration.ofSeconds(1);
            }

            public RateLimit rateLimit() {
                return new RateLimit() {
                    public int burst() {
                        return 50;
                    }

                    public int drainPerSecond() {
                        return 2;
                    }

                    public boolean shared() {
                        return false;
                    }

                    public java.util.Map<String, Plan> portals() {
                        return java.util.Map.of();
                    }
                };
            }

            public Duration operatingLimit() {
                return operatingLimit;
            }

            public Duration operatingWindow() {
                return operatingWindow;
            }

            public int transientRetries() {
                return 2;
            }

            public Duration transientBackoff() {
                return Duration.ofMillis(1);
            }

            public int rateLimitRetries() {
                return 3;
            }

            public Duration rateLimitBackoff() {
                return Duration.ofMillis(1);
            }
        };
    }
}
