package org.b24backlog.bitrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

class BracketParamsTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void parseNestsBracketedKeys() {
        Map<String, Object> parsed = BracketParams.parse(
                "event=ONAPPINSTALL&auth%5Bmember_id%5D=a223&auth[domain]=acme.bitrix24.com&data[VERSION]=4");

        assertThat(parsed.get("event")).isEqualTo("ONAPPINSTALL");
        assertThat(parsed.get("auth")).isEqualTo(Map.of("member_id", "a223", "domain", "acme.bitrix24.com"));
        assertThat(parsed.get("data")).isEqualTo(Map.of("VERSION", "4"));
    }

    @Test
    void parseAppendsEmptyBrackets() {
        Map<String, Object> parsed = BracketParams.parse("select[]=ID&select[]=NAME&select[]=TYPE");

        assertThat(parsed.get("select")).isEqualTo(List.of("ID", "NAME", "TYPE"));
    }

    @Test
    void parseKeepsOperatorKeys() {
        Map<String, Object> parsed = BracketParams.parse("filter[>=ID]=10&filter[!%25NAME]=x&filter[GROUP_ID]=42");

        @SuppressWarnings("unchecked")
        Map<String, Object> filter = (Map<String, Object>) parsed.get("filter");
        assertThat(filter).containsEntry(">=ID", "10");
        assertThat(filter).containsEntry("!%NAME", "x");
        assertThat(filter).containsEntry("GROUP_ID", "42");
    }

    @Test
    void parseTurnsSequentialIndexesIntoList() {
        Map<String, Object> parsed = BracketParams.parse("FILTER[ID][0]=17&FILTER[ID][1]=22&other[0]=a&other[2]=b");

        assertThat(parsed.get("FILTER")).isEqualTo(Map.of("ID", List.of("17", "22")));
        assertThat(parsed.get("other")).isEqualTo(Map.of("0", "a", "2", "b"));
    }

    @Test
    void parseMixesAppendAndNamedKeys() {
        Map<String, Object> parsed = BracketParams.parse("a[]=x&a[k]=y&a[]=z");

        assertThat(parsed.get("a")).isEqualTo(Map.of("0", "x", "k", "y", "1", "z"));
    }

    @Test
    void parseDecodesPlusAndPercent() {
        Map<String, Object> parsed = BracketParams.parse("?title=Bold+%26+%3Cb%3E&empty=&flag");

        assertThat(parsed.get("title")).isEqualTo("Bold & <b>");
        assertThat(parsed.get("empty")).isEqualTo("");
        assertThat(parsed.get("flag")).isEqualTo("");
    }

    @Test
    void parseLastValueWins() {
        Map<String, Object> parsed = BracketParams.parse("a=1&a=2&b=1&b[c]=2");

        assertThat(parsed.get("a")).isEqualTo("2");
        assertThat(parsed.get("b")).isEqualTo(Map.of("c", "2"));
    }

    @Test
    void parseTakesUnclosedBracketLiterally() {
        Map<String, Object> parsed = BracketParams.parse("a[b=1&[c]=2");

        assertThat(parsed).containsEntry("a[b", "1");
        assertThat(parsed).containsEntry("[c]", "2");
    }

    @Test
    void parseRejectsMalformedEscape() {
        assertThatThrownBy(() -> BracketParams.parse("a=%zz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parseDecodedFormValues() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("cmd[a]", List.of("user.current"));
        form.put("cmd[b]", List.of("user.get?ID=$result[a][ID]"));
        form.put("halt", List.of("1"));

        ObjectNode parsed = BracketParams.parseToJson(form);

        assertThat(parsed.path("cmd").path("b").asText()).isEqualTo("user.get?ID=$result[a][ID]");
        assertThat(parsed.path("halt").asText()).isEqualTo("1");
    }

    @Test
    void parseToJsonKeepsStrings() {
        ObjectNode parsed = BracketParams.parseToJson("fields[groupId]=42&select[]=ID");

        assertThat(parsed.path("fields").path("groupId").isTextual()).isTrue();
        assertThat(parsed.path("select").isArray()).isTrue();
    }

    @Test
    void encodeNestedMapsAndLists() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("filter", Map.of("GROUP_ID", 42));
        params.put("select", List.of("ID", "TITLE"));
        params.put("halt", true);
        params.put("skipped", null);

        String encoded = BracketParams.encode(params);

        assertThat(encoded).isEqualTo(
                "filter%5BGROUP_ID%5D=42&select%5B0%5D=ID&select%5B1%5D=TITLE&halt=1");
    }

    @Test
    void encodeThenParseRoundTrips() throws Exception {
        JsonNode original = mapper.readTree("""
                {"fields": {"groupId": "42", "title": "A & B = C?", "tags": ["x", "y"]},
                 "filter": {">=ID": "10", "%TITLE": "50% done"}}
                """);

        String encoded = BracketParams.encode((ObjectNode) original);

        assertThat(BracketParams.parseToJson(encoded)).isEqualTo(original);
    }
}
