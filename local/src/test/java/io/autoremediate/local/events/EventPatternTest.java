package io.autoremediate.local.events;

import static io.autoremediate.local.events.Fixtures.event;
import static io.autoremediate.local.events.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventPatternTest {

    private static final String REMEDIATION_RULE = """
            {"source":["aws.cloudwatch"],"detail-type":["CloudWatch Alarm State Change"],
             "detail":{"state":{"value":["ALARM"]},"alarmName":[{"prefix":"webapp-"}]}}""";

    @Test
    void remediationRuleMatchesWebappAlarm() {
        assertThat(EventPattern.of(REMEDIATION_RULE).matches(event("webapp-uptime-alarm"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"webapp-uptime-ok", "webapp-uptime-insufficient-data", "server-cpu-too-high-alarm"})
    void remediationRuleRejectsRecoveriesAndOtherAlarms(String fixture) {
        assertThat(EventPattern.of(REMEDIATION_RULE).matches(event(fixture))).isFalse();
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"alarmName":["webapp-uptime"]}                                  | {"alarmName":"webapp-uptime"}  | true
            {"alarmName":["webapp-uptime"]}                                  | {"alarmName":"webapp-uptimeX"} | false
            {"alarmName":["a","webapp-uptime"]}                              | {"alarmName":"webapp-uptime"}  | true
            {"n":[5]}                                                        | {"n":5.0}                      | true
            {"n":[5]}                                                        | {"n":"5"}                      | false
            {"b":[true]}                                                     | {"b":true}                     | true
            {"z":[null]}                                                     | {"z":null}                     | true
            {"z":[null]}                                                     | {}                             | false
            {"tags":["prod"]}                                                | {"tags":["dev","prod"]}        | true
            {"alarmName":[{"prefix":"webapp-"}]}                             | {"alarmName":"webapp-uptime"}  | true
            {"alarmName":[{"prefix":"webapp-"}]}                             | {"alarmName":"db-uptime"}      | false
            {"alarmName":[{"prefix":{"equals-ignore-case":"WEBAPP-"}}]}      | {"alarmName":"webapp-uptime"}  | true
            {"alarmName":[{"suffix":"-uptime"}]}                             | {"alarmName":"webapp-uptime"}  | true
            {"alarmName":[{"suffix":"-uptime"}]}                             | {"alarmName":"webapp-latency"} | false
            {"alarmName":[{"equals-ignore-case":"WEBAPP-UPTIME"}]}           | {"alarmName":"webapp-uptime"}  | true
            {"alarmName":[{"wildcard":"web*-up*"}]}                          | {"alarmName":"webapp-uptime"}  | true
            {"alarmName":[{"wildcard":"web*-down"}]}                         | {"alarmName":"webapp-uptime"}  | false
            {"state":[{"anything-but":"OK"}]}                                | {"state":"ALARM"}              | true
            {"state":[{"anything-but":["OK","INSUFFICIENT_DATA"]}]}          | {"state":"OK"}                 | false
            {"state":[{"anything-but":"OK"}]}                                | {}                             | false
            {"alarmName":[{"anything-but":{"prefix":"test-"}}]}              | {"alarmName":"webapp-uptime"}  | true
            {"alarmName":[{"anything-but":{"prefix":"test-"}}]}              | {"alarmName":"test-uptime"}    | false
            {"alarmTags":[{"exists":true}]}                                  | {"alarmTags":"x"}              | true
            {"alarmTags":[{"exists":true}]}                                  | {}                             | false
            {"alarmTags":[{"exists":false}]}                                 | {}                             | true
            {"alarmTags":[{"exists":false}]}                                 | {"alarmTags":"x"}              | false
            {"v":[{"numeric":[">",0,"<=",5]}]}                               | {"v":5}                        | true
            {"v":[{"numeric":[">",0,"<=",5]}]}                               | {"v":0}                        | false
            {"v":[{"numeric":["=",1.5]}]}                                    | {"v":1.50}                     | true
            {"v":[{"numeric":["<",1]}]}                                      | {"v":"0"}                      | false
            {"d":{"s":{"v":["ALARM"]}}}                                      | {"d":{"s":{"v":"ALARM"}}}      | true
            {"d":{"s":{"v":["ALARM"]}}}                                      | {"d":{"s":"ALARM"}}            | false
            {"d":{"s":{"v":["ALARM"]}}}                                      | {}                             | false
            {"m":{"id":["m1"]}}                                              | {"m":[{"id":"e1"},{"id":"m1"}]}| true
            {"d":["x"]}                                                      | {"d":{"x":1}}                  | false
            {"$or":[{"a":["1"]},{"b":["2"]}]}                                | {"b":"2"}                      | true
            {"$or":[{"a":["1"]},{"b":["2"]}]}                                | {"a":"2"}                      | false
            {"s":["x"],"$or":[{"a":["1"]},{"b":[{"numeric":[">",1]}]}]}      | {"s":"x","b":3}                | true
            {"s":["x"],"$or":[{"a":["1"]},{"b":[{"numeric":[">",1]}]}]}      | {"s":"y","b":3}                | false
            {"d":{"m":["M"],"$or":[{"s":["T"]},{"s":["F"],"e":[{"anything-but":["X"]}]}]}} | {"d":{"m":"M","s":"F","e":"Y"}} | true
            {"d":{"m":["M"],"$or":[{"s":["T"]},{"s":["F"],"e":[{"anything-but":["X"]}]}]}} | {"d":{"m":"M","s":"F","e":"X"}} | false
            {"d":{"m":["M"],"$or":[{"s":["T"]},{"s":["F"],"e":[{"anything-but":["X"]}]}]}} | {"d":{"m":"M","s":"F"}}         | false
            {"d":{"m":["M"],"$or":[{"s":["T"]},{"s":["F"],"e":[{"anything-but":["X"]}]}]}} | {"d":{"m":"M","s":"T"}}         | true
            {"d":{"m":["M"],"$or":[{"s":["T"]},{"s":["F"],"e":[{"anything-but":["X"]}]}]}} | {"d":{"m":"N","s":"T"}}         | false
            {"d":{"$or":[{"e":[null]},{"e":[{"exists":false}]}]}}            | {"d":{"e":null}}               | true
            {"d":{"$or":[{"e":[null]},{"e":[{"exists":false}]}]}}            | {"d":{}}                       | true
            {"d":{"$or":[{"e":[null]},{"e":[{"exists":false}]}]}}            | {"d":{"e":"X"}}                | false
            {"e":[{"exists":false}]}                                         | {"e":null}                     | false
            """)
    void contentFilteringFollowsEventBridge(String pattern, String event, boolean expected) {
        assertThat(EventPattern.of(pattern).matches(json(event))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ["source"]                                           | (root)
            {}                                                   | (root)
            {"source":"aws.cloudwatch"}                          | 'source'
            {"source":[]}                                        | 'source'
            {"detail":{"alarmName":[{"prefx":"webapp-"}]}}       | 'detail.alarmName': unknown operator 'prefx'
            {"detail":{"state":{"value":[{"prefix":1}]}}}        | 'detail.state.value': prefix takes a string
            {"n":[{"numeric":[">","1"]}]}                        | 'n': numeric operator '>' needs a number
            {"n":[{"numeric":["!=",1]}]}                         | 'n': numeric operator must be one of
            {"n":[{"exists":"yes"}]}                             | 'n': exists takes true or false
            {"n":[{"prefix":"a","suffix":"b"}]}                  | 'n': an operator object must have exactly one
            {"$or":[{"a":["1"]}]}                                | '$or'
            {"n":[["a"]]}                                        | 'n': arrays inside a value array
            """)
    void invalidPatternIsRejectedNamingTheField(String pattern, String messagePart) {
        assertThatThrownBy(() -> EventPattern.of(pattern))
                .isInstanceOf(InvalidEventPatternException.class)
                .hasMessageContaining(messagePart);
    }

    @Test
    void fieldInsideAnOrAlternativeIsNamedWithItsPath() {
        assertThatThrownBy(() -> EventPattern.of("{\"detail\":{\"$or\":[{\"a\":[\"1\"]},{\"b\":[{\"prefx\":\"x\"}]}]}}"))
                .isInstanceOf(InvalidEventPatternException.class)
                .hasMessageContaining("'detail.$or.b': unknown operator 'prefx'")
                .hasMessageContaining("(event-ruler: Unrecognized match type prefx)");
    }

    @Test
    void refusalWithoutAnExplanationKeepsEventRulersWordsOnOneLine() {
        assertThatThrownBy(() -> EventPattern.of("{\"state\":[{\"anything-but\":[true]}]}"))
                .isInstanceOf(InvalidEventPatternException.class)
                .hasMessage("invalid event pattern at 'state': Inside anything but list, start|null|boolean is not"
                        + " supported.");
    }

    @Test
    void malformedOperandIsRejectedInEventRulersWords() {
        assertThatThrownBy(() -> EventPattern.of("{\"sourceIp\":[{\"cidr\":\"10.0.0.0\"}]}"))
                .isInstanceOf(InvalidEventPatternException.class)
                .hasMessage("invalid event pattern: Malformed CIDR, one '/' required");
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            {"ip":[{"cidr":"10.0.0.0/24"}]}                                  | {"ip":"10.0.0.33"}             | true
            {"ip":[{"cidr":"10.0.0.0/24"}]}                                  | {"ip":"10.0.1.33"}             | false
            {"alarmName":[{"anything-but":{"wildcard":"test-*"}}]}           | {"alarmName":"webapp-uptime"}  | true
            {"alarmName":[{"anything-but":{"wildcard":"test-*"}}]}           | {"alarmName":"test-uptime"}    | false
            """)
    void operatorsBeyondTheModulesOwnAreEventBridgesToo(String pattern, String event, boolean expected) {
        assertThat(EventPattern.of(pattern).matches(json(event))).isEqualTo(expected);
    }
}
