package org.negotiationledger.api;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Istanbul talks of 2025 as HTTP commands: each a path under /api/negotiations and a body. */
final class Istanbul {

    static final String N = "/api/negotiations/ru-ua-2025";

    record Post(String path, String body) {
    }

    /** Records the set-up and the talks on {@code node} and waits until every view has them. */
    static void recordOn(LedgerNode node) {
        for (Post post : setUp()) {
            assertThat(node.post(post.path(), post.body()).status()).as(post.path()).isEqualTo(201);
        }
        for (Post post : talks()) {
            assertThat(node.post(post.path(), post.body()).status()).as(post.path()).isIn(200, 201);
        }
        node.awaitViews();
    }

    private Istanbul() {
    }

    static final String SOURCE = """
            {"publisher":"NV","title":"Umerov: Ukraine needs more air defence",
             "url":"https://nv.ua/world/umerov-air-defence-2025-06-27",
             "publishedOn":"2025-06-27","language":"ru",
             "quote":"Мы поддерживаем идею длительного прекращения огня и обмен «всех на всех»."}""";

    static List<Post> setUp() {
        return List.of(
                new Post("/api/negotiations", """
                        {"id":"ru-ua-2025","title":"Russia–Ukraine talks 2025","openedOn":"2025-05-16",
                         "description":"Direct talks in Istanbul, mediated by Turkey"}"""),
                new Post(N + "/parties", """
                        {"id":"ua","name":"Ukraine","role":"PARTY"}"""),
                new Post(N + "/parties", """
                        {"id":"ru","name":"Russia","role":"PARTY"}"""),
                new Post(N + "/parties", """
                        {"id":"tr","name":"Turkey","role":"MEDIATOR"}"""),
                new Post(N + "/delegates", """
                        {"id":"umerov","name":"Rustem Umerov","partyId":"ua","title":"Minister of Defence"}"""),
                new Post(N + "/delegates", """
                        {"id":"zelensky","name":"Volodymyr Zelensky","partyId":"ua","title":"President"}"""),
                new Post(N + "/delegates", """
                        {"id":"medinsky","name":"Vladimir Medinsky","partyId":"ru","title":"Head of delegation"}"""),
                new Post(N + "/topics", """
                        {"id":"ceasefire","title":"Ceasefire"}"""),
                new Post(N + "/topics", """
                        {"id":"prisoner-exchange","title":"Prisoner exchange"}"""));
    }

    static List<Post> talks() {
        return List.of(
                new Post(N + "/meetings", """
                        {"id":"istanbul-1","heldOn":"2025-05-16","location":"Istanbul","level":"DELEGATIONS",
                         "partyIds":["ua","ru"],"mediatorIds":["tr"],"heads":{"ua":"umerov","ru":"medinsky"},
                         "summary":"First direct talks in over three years; no agreement on a ceasefire"}"""),
                new Post(N + "/exchanges", """
                        {"id":"pow-1","kind":"PRISONERS","proposedBy":"ua","proposedOn":"2025-05-16",
                         "quantities":{"ua":1000,"ru":1000},"allForAll":false,"categories":[]}"""),
                new Post(N + "/exchanges/pow-1/agreements", """
                        {"partyIds":["ua","ru"],"agreedOn":"2025-05-16","meetingId":"istanbul-1"}"""),
                new Post(N + "/exchanges/pow-1/executions", """
                        {"stage":1,"executedOn":"2025-05-23","released":{"ua":390,"ru":390}}"""),
                new Post(N + "/exchanges/pow-1/executions", """
                        {"stage":2,"executedOn":"2025-05-24","released":{"ua":307,"ru":307}}"""),
                new Post(N + "/exchanges/pow-1/executions", """
                        {"stage":3,"executedOn":"2025-05-25","released":{"ua":303,"ru":303}}"""),
                new Post(N + "/statements", """
                        {"id":"zelensky-2025-05-27","partyId":"ua","delegateId":"zelensky","topicId":"ceasefire",
                         "stance":"CONDITIONAL","summary":"Ready to meet at leaders' level in any format",
                         "conditions":"a ceasefire is discussed at once, without preliminary technical meetings",
                         "effectiveOn":"2025-05-27","source":%s}""".formatted(SOURCE)),
                new Post(N + "/statements", """
                        {"id":"umerov-2025-06-27","partyId":"ua","delegateId":"umerov","topicId":"prisoner-exchange",
                         "stance":"SUPPORTS","summary":"Supports an all-for-all exchange",
                         "offer":{"value":1000,"unit":"prisoners"},
                         "effectiveOn":"2025-06-27","source":%s}""".formatted(SOURCE)),
                new Post(N + "/statements/zelensky-2025-05-27/corrections", """
                        {"id":"c-1","summary":"Ready to meet Putin in any format","reason":"closer to the quote"}"""),
                new Post(N + "/statements/umerov-2025-06-27/retraction", """
                        {"reason":"recorded twice by mistake"}"""));
    }
}
