package org.b24backlog.backlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.b24backlog.bitrix.BitrixApiException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Message keys that explain each way the portal can reject a change. */
class PortalRefusalTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            503 | QUERY_LIMIT_EXCEEDED | Too many requests                                | refusal_rate_limit
            429 | OPERATION_TIME_LIMIT | Method is blocked due to operation time limit.   | refusal_operating_limit
            500 | INTERNAL_SERVER_ERROR | Internal server error                           | refusal_outcome_unknown
            502 | HTML_ERROR           | Bad gateway                                      | refusal_outcome_unknown
            400 | 0                    | It is forbidden remove a backlog with items      | refusal_delete_items
            400 | 0                    | Access denied                                    | refusal_access_denied
            400 | 0                    | Something new                                    | refusal_other
            """)
    void messageKeyByStatusAndCode(int status, String code, String description, String expected) {
        BitrixApiException error = new BitrixApiException("tasks.api.scrum.backlog.update", status, code, description);

        assertThat(PortalRefusal.messageKey(error)).isEqualTo(expected);
    }
}
