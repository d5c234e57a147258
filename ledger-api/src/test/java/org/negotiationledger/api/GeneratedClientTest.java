package org.negotiationledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.negotiationledger.client.ApiClient;
import org.negotiationledger.client.ApiException;
import org.negotiationledger.client.api.AccountsApi;
import org.negotiationledger.client.api.AdminApi;
import org.negotiationledger.client.api.AgreementsApi;
import org.negotiationledger.client.api.AuditApi;
import org.negotiationledger.client.api.BackupApi;
import org.negotiationledger.client.api.BodiesApi;
import org.negotiationledger.client.api.CommandsApi;
import org.negotiationledger.client.api.EventDataApi;
import org.negotiationledger.client.api.EventsApi;
import org.negotiationledger.client.api.ExchangesApi;
import org.negotiationledger.client.api.ImportApi;
import org.negotiationledger.client.api.IntegrityApi;
import org.negotiationledger.client.api.LinkageApi;
import org.negotiationledger.client.api.MeetingsApi;
import org.negotiationledger.client.api.NegotiationsApi;
import org.negotiationledger.client.api.PositionsApi;
import org.negotiationledger.client.api.SessionApi;
import org.negotiationledger.client.model.AccountRequest;
import org.negotiationledger.client.model.AccountRetractionRequest;
import org.negotiationledger.client.model.AddTopicRequest;
import org.negotiationledger.client.model.AgreeExchangeRequest;
import org.negotiationledger.client.model.BodyMemberBody;
import org.negotiationledger.client.model.Change;
import org.negotiationledger.client.model.ClosureRequest;
import org.negotiationledger.client.model.CommandResponse;
import org.negotiationledger.client.model.CorrectionRequest;
import org.negotiationledger.client.model.CorroborationRequest;
import org.negotiationledger.client.model.CorroborationRetractionRequest;
import org.negotiationledger.client.model.CreateBodyRequest;
import org.negotiationledger.client.model.DelegateTitleRequest;
import org.negotiationledger.client.model.DissolutionRequest;
import org.negotiationledger.client.model.EventDataReport;
import org.negotiationledger.client.model.ExecutionRequest;
import org.negotiationledger.client.model.HistoryEntry;
import org.negotiationledger.client.model.LinkBody;
import org.negotiationledger.client.model.MeetingRetractionRequest;
import org.negotiationledger.client.model.OfferBody;
import org.negotiationledger.client.model.OpenNegotiationRequest;
import org.negotiationledger.client.model.OutcomeRetractionRequest;
import org.negotiationledger.client.model.OutcomeStatusRequest;
import org.negotiationledger.client.model.PartyLeavingRequest;
import org.negotiationledger.client.model.PartyRoleRequest;
import org.negotiationledger.client.model.Position;
import org.negotiationledger.client.model.PositionMatrix;
import org.negotiationledger.client.model.ProposeExchangeRequest;
import org.negotiationledger.client.model.ProposePackageRequest;
import org.negotiationledger.client.model.ProvisionBody;
import org.negotiationledger.client.model.RecordMeetingRequest;
import org.negotiationledger.client.model.RecordOutcomeRequest;
import org.negotiationledger.client.model.RecordStatementRequest;
import org.negotiationledger.client.model.RegisterDelegateRequest;
import org.negotiationledger.client.model.RegisterPartyRequest;
import org.negotiationledger.client.model.Restored;
import org.negotiationledger.client.model.RetractionRequest;
import org.negotiationledger.client.model.SignAgreementRequest;
import org.negotiationledger.client.model.SignatoryBody;
import org.negotiationledger.client.model.SourceBody;
import org.negotiationledger.client.model.ViewStatus;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Java client that ledger-client generates from docs/openapi.json (openapi-generator, its
 * native library) speaks to a running ledger as a user's code would, on every operation the
 * description has: it records the first Istanbul rounds with every command, reads every view
 * (as JSON and, from their own operations, as CSV equal to {@code ?format=csv}), imports JSON
 * Lines (sent as text; the answer, declared binary, comes as a file) and a GDELT file with its
 * mapping, reads the event stream to the end of its catch-up, runs the admin operations,
 * downloads the export and restores it into an empty ledger with the same head hash. Every
 * answer the client receives is noted; the walk fails when an operation of the description got
 * no successful answer, so an operation added to the API is added here too.
 */
class GeneratedClientTest {

    private static final String N = "client-walk";
    private static final String GDELT = "client-walk-gdelt";
    private static final LocalDate MAY_16 = LocalDate.of(2025, 5, 16);
    private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

    /** Every answer the generated clients received: method, path and status. */
    private final List<String> answers = Collections.synchronizedList(new ArrayList<>());

    @Test
    void aGeneratedClientReachesEveryOperationOfTheDescription(@TempDir Path dir) throws Exception {
        try (LedgerNode node = LedgerNode.start(Map.of("ledger.data-dir", dir.toString()))) {
            ApiClient recorder = client(node, LedgerNode.RECORDER);
            ApiClient admin = client(node, LedgerNode.ADMIN);

            long head = recordTheRounds(new CommandsApi(recorder));
            readThePositions(new PositionsApi(recorder), node, head);
            readTheOtherViews(recorder, node, head);
            head = importAndRetract(recorder, dir);
            head = Math.max(head, closeTheNegotiation(new CommandsApi(recorder)));
            readTheRecordsAndTheStream(recorder, head);
            administer(new AdminApi(admin), new PositionsApi(recorder), head);
            backUpAndRestore(recorder, admin, dir);
            refusalsComeAsProblems(new CommandsApi(recorder));
        }
        assertThat(operationsNotReached()).as("operations of docs/openapi.json the walk never got a 2xx from")
                .isEmpty();
    }

    /** The first two Istanbul rounds, recorded with every command the API has; answers the last position. */
    private long recordTheRounds(CommandsApi commands) throws ApiException {
        commands.openNegotiation(new OpenNegotiationRequest().id(N).title("Talks through a generated client")
                .openedOn(MAY_16), null, null);
        commands.registerParty(N, party("ua", "Ukraine", RegisterPartyRequest.RoleEnum.PARTY), null, null);
        commands.registerParty(N, party("ru", "Russia", RegisterPartyRequest.RoleEnum.PARTY), null, null);
        commands.registerParty(N, party("tr", "Türkiye", RegisterPartyRequest.RoleEnum.MEDIATOR), null, null);
        commands.registerDelegate(N, new RegisterDelegateRequest().id("umerov").name("Rustem Umerov").partyId("ua")
                .title("Minister of Defence"), null, null);
        commands.registerDelegate(N, new RegisterDelegateRequest().id("medinsky").name("Vladimir Medinsky")
                .partyId("ru").title("Aide to the President"), null, null);
        commands.addTopic(N, new AddTopicRequest().id("ceasefire").title("Ceasefire"), null, null);
        commands.addTopic(N, new AddTopicRequest().id("prisoners").title("Prisoner exchange"), null, null);

        commands.recordMeeting(N, meeting("istanbul-1", MAY_16), null, null);
        commands.recordMeeting(N, meeting("istanbul-2", JUNE_2), null, null);
        commands.recordMeeting(N, meeting("rumoured", LocalDate.of(2025, 5, 20)), null, null);
        commands.retractMeeting(N, "rumoured", new MeetingRetractionRequest().reason("It never took place"),
                null, null);
        commands.corroborateMeeting(N, "istanbul-1", new CorroborationRequest().id("agency")
                .addSourcesItem(source("Example News Agency")), null, null);
        commands.corroborateMeeting(N, "istanbul-1", new CorroborationRequest().id("misdated")
                .addSourcesItem(source("Example Weekly")), null, null);
        commands.retractCorroboration(N, "istanbul-1", "misdated", new CorroborationRetractionRequest()
                .reason("The report describes another meeting"), null, null);

        commands.proposeExchange(N, new ProposeExchangeRequest().id("pow-1").kind(ProposeExchangeRequest.KindEnum.PRISONERS)
                .proposedBy("ua").proposedOn(MAY_16).quantities(Map.of("ua", 1000, "ru", 1000)), null, null);
        commands.agreeExchange(N, "pow-1", new AgreeExchangeRequest().partyIds(List.of("ua", "ru")).agreedOn(MAY_16)
                .meetingId("istanbul-1"), null, null);
        commands.recordExchangeExecution(N, "pow-1", new ExecutionRequest().stage(1)
                .executedOn(LocalDate.of(2025, 5, 23)).released(Map.of("ua", 390, "ru", 390)), null, null);

        commands.recordStatement(N, statement("ua-30-days", "ua", RecordStatementRequest.StanceEnum.PROPOSES,
                "A ceasefire of 30 days", MAY_16).delegateId("umerov").meetingId("istanbul-1")
                .offer(new OfferBody().value(new BigDecimal("30")).unit("days")), "walk-1", null);
        commands.recordStatement(N, statement("ru-opposes", "ru", RecordStatementRequest.StanceEnum.OPPOSES,
                "No ceasefire before a memorandum", MAY_16).counterpartId("ua"), null, null);
        commands.recordStatement(N, statement("ru-3-days", "ru", RecordStatementRequest.StanceEnum.PROPOSES,
                "A ceasefire of two to three days in some areas", JUNE_2)
                .offer(new OfferBody().min(new BigDecimal("2")).max(new BigDecimal("3")).unit("days"))
                .addLinksItem(new LinkBody().kind(LinkBody.KindEnum.IN_RETURN_FOR).topicId("prisoners")), null, null);
        commands.recordStatement(N, statement("twice", "ua", RecordStatementRequest.StanceEnum.SUPPORTS,
                "Recorded twice", MAY_16), null, null);
        commands.retractStatement(N, "twice", new RetractionRequest().reason("recorded twice by mistake"), null, null);
        commands.correctStatement(N, "ua-30-days", new CorrectionRequest().id("ua-30-days-c1")
                .summary("A full ceasefire of at least 30 days").reason("closer to the quote"), null, null);

        commands.recordOutcome(N, new RecordOutcomeRequest().id("exchange-agreed").kind(RecordOutcomeRequest.KindEnum.AGREED)
                .topicIds(List.of("prisoners")).partyIds(List.of("ua", "ru")).terms("An exchange of 1,000 for 1,000")
                .reachedOn(MAY_16).meetingId("istanbul-1"), null, null);
        commands.recordOutcomeStatus(N, "exchange-agreed", new OutcomeStatusRequest()
                .status(OutcomeStatusRequest.StatusEnum.IMPLEMENTED).since(LocalDate.of(2025, 5, 25)), null, null);
        commands.recordOutcome(N, new RecordOutcomeRequest().id("false-report").kind(RecordOutcomeRequest.KindEnum.AGREED)
                .topicIds(List.of("ceasefire")).partyIds(List.of("ua", "ru")).terms("A ceasefire").reachedOn(JUNE_2),
                null, null);
        commands.retractOutcome(N, "false-report", new OutcomeRetractionRequest().reason("the report was false"),
                null, null);

        commands.signAgreement(N, new SignAgreementRequest().id("understandings").title("Understandings of the first round")
                .signedOn(MAY_16).stage(SignAgreementRequest.StageEnum.PRE_NEGOTIATION)
                .signatories(List.of(new SignatoryBody().partyId("ua").delegateId("umerov"),
                        new SignatoryBody().partyId("ru").delegateId("medinsky")))
                .provisions(List.of(new ProvisionBody().topicId("prisoners").text("1,000 prisoners for 1,000")
                        .exchangeId("pow-1"))).meetingId("istanbul-1"), null, null);
        commands.proposePackage(N, new ProposePackageRequest().id("humanitarian").title("Prisoners first")
                .topicIds(List.of("prisoners", "ceasefire")).proposedBy("ru").proposedOn(JUNE_2)
                .terms("The exchanges go ahead while a ceasefire is discussed"), null, null);
        commands.createBody(N, new CreateBodyRequest().id("medical").name("Working group on the wounded")
                .kind(CreateBodyRequest.KindEnum.WORKING_GROUP).createdOn(JUNE_2)
                .members(List.of(new BodyMemberBody().partyId("ua").delegateId("umerov"),
                        new BodyMemberBody().partyId("ru").delegateId("medinsky")))
                .topicIds(List.of("prisoners")).meetingId("istanbul-2"), null, null);
        commands.dissolveBody(N, "medical", new DissolutionRequest().dissolvedOn(LocalDate.of(2025, 6, 26))
                .reason("The exchanges it prepared were carried out"), null, null);
        commands.recordAccount(N, new AccountRequest().id("agency-released").recordId("pow-1").field("released per side")
                .value(new BigDecimal("390")).unit("prisoners").sources(List.of(source("Example News Agency"))),
                null, null);
        commands.recordAccount(N, new AccountRequest().id("weekly-released").recordId("pow-1").field("released per side")
                .value(new BigDecimal("1000")).unit("prisoners").sources(List.of(source("Example Weekly"))),
                null, null);
        commands.recordAccount(N, new AccountRequest().id("misread").recordId("pow-1").field("released per side")
                .value(new BigDecimal("10")).unit("prisoners").sources(List.of(source("Example Daily"))), null, null);
        commands.retractAccount(N, "misread", new AccountRetractionRequest().reason("a misreading of the report"),
                null, null);

        commands.changeDelegateTitle(N, "umerov", new DelegateTitleRequest()
                .title("Secretary of the National Security and Defence Council").since(LocalDate.of(2025, 7, 17)),
                null, null);
        commands.changePartyRole(N, "tr", new PartyRoleRequest().role(PartyRoleRequest.RoleEnum.OBSERVER)
                .since(LocalDate.of(2025, 7, 1)), null, null);
        return commands.recordPartyLeaving(N, "tr", new PartyLeavingRequest().leftOn(LocalDate.of(2025, 7, 20))
                .note("withdrew its offer to host the talks"), null, null).getPosition();
    }

    /** The matrix, a cell's history, the changes, the dyads, the outcomes and the offer gaps, each with its CSV. */
    private void readThePositions(PositionsApi positions, LedgerNode node, long head) throws Exception {
        String path = "/api/negotiations/" + N;
        PositionMatrix matrix = positions.positions(N, null, null, null, null, null, head, null, null);
        assertThat(matrix.getPositions()).extracting(Position::getStatementId)
                .containsExactlyInAnyOrder("ua-30-days", "ru-3-days");
        assertThat(cell(matrix, "ua").getSummary()).isEqualTo("A full ceasefire of at least 30 days");
        assertThat(csv(positions.positionsCsv(N, null, null, null, null, null, head, null)))
                .isEqualTo(node.get(path + "/positions?format=csv").body()).contains("ru-3-days");

        List<HistoryEntry> history = positions.positionHistory(N, "ua", "ceasefire", null, null, null, null, head,
                null, null).getEntries();
        assertThat(history).extracting(HistoryEntry::getSummary).contains("A ceasefire of 30 days",
                "A full ceasefire of at least 30 days", "Recorded twice");
        assertThat(csv(positions.positionHistoryCsv(N, "ua", "ceasefire", null, null, null, null, head, null)))
                .isEqualTo(node.get(path + "/positions/ua/ceasefire/history?format=csv").body());

        List<Change> changes = positions.positionChanges(N, LocalDate.of(2025, 5, 20), LocalDate.of(2025, 6, 3), null,
                null, null, head, null, null).getChanges();
        assertThat(changes).singleElement().satisfies(change -> {
            assertThat(change.getPartyId()).isEqualTo("ru");
            assertThat(change.getBefore().getStance()).isEqualTo(Position.StanceEnum.OPPOSES);
            assertThat(change.getAfter().getStance()).isEqualTo(Position.StanceEnum.PROPOSES);
        });
        assertThat(csv(positions.positionChangesCsv(N, LocalDate.of(2025, 5, 20), LocalDate.of(2025, 6, 3), null,
                null, null, head, null))).isEqualTo(node.get(path + "/changes?from=2025-05-20&to=2025-06-03&format=csv")
                .body());

        assertThat(positions.positionDyads(N, MAY_16, null, null, head, null, null).getPositions())
                .singleElement().satisfies(dyad -> assertThat(dyad.getCounterpartId()).isEqualTo("ua"));
        assertThat(csv(positions.positionDyadsCsv(N, MAY_16, null, null, head, null)))
                .isEqualTo(node.get(path + "/positions/dyads?asOf=2025-05-16&format=csv").body()).contains("ru-opposes");

        assertThat(positions.outcomes(N, null, null, null, null, null, head, null, null).getOutcomes())
                .extracting(outcome -> outcome.getId() + " " + outcome.getRetracted()).containsExactlyInAnyOrder(
                        "exchange-agreed false", "false-report true", "understandings false");
        assertThat(csv(positions.outcomesCsv(N, null, null, null, null, null, head, null)))
                .isEqualTo(node.get(path + "/outcomes?format=csv").body()).contains("exchange-agreed");

        assertThat(positions.offerGaps(N, "ceasefire", null, null, null, head).getPairs()).singleElement()
                .satisfies(pair -> assertThat(pair.getPoints()).isNotEmpty());
    }

    /** Every other view of the negotiation, each as JSON and as its CSV. */
    private void readTheOtherViews(ApiClient client, LedgerNode node, long head) throws Exception {
        String path = "/api/negotiations/" + N;
        ExchangesApi exchanges = new ExchangesApi(client);
        assertThat(exchanges.exchanges(N, null, null, null, head, null, null).getExchanges()).singleElement()
                .satisfies(exchange -> assertThat(exchange.getId()).isEqualTo("pow-1"));
        assertThat(exchanges.exchange(N, "pow-1", null, null, head).getStatus()).isNotNull();
        assertThat(csv(exchanges.exchangesCsv(N, null, null, null, head, null)))
                .isEqualTo(node.get(path + "/exchanges?format=csv").body());

        MeetingsApi meetings = new MeetingsApi(client);
        assertThat(meetings.meetings(N, null, null, null, head, null, null).getMeetings())
                .filteredOn(meeting -> !Boolean.TRUE.equals(meeting.getRetracted()))
                .extracting(meeting -> meeting.getId()).containsExactly("istanbul-1", "istanbul-2");
        assertThat(csv(meetings.meetingsCsv(N, null, null, null, head, null)))
                .isEqualTo(node.get(path + "/meetings?format=csv").body());

        AgreementsApi agreements = new AgreementsApi(client);
        assertThat(agreements.agreements(N, null, null, null, head, null, null).getAgreements()).hasSize(1);
        assertThat(agreements.agreement(N, "understandings", null, null, head).getTitle())
                .isEqualTo("Understandings of the first round");
        assertThat(csv(agreements.agreementsCsv(N, null, null, null, head, null)))
                .isEqualTo(node.get(path + "/agreements?format=csv").body());

        LinkageApi linkage = new LinkageApi(client);
        assertThat(linkage.linkage(N, null, null, null, head, null, null).getLinks()).singleElement()
                .satisfies(link -> assertThat(link.getLinkedTopicId()).isEqualTo("prisoners"));
        assertThat(csv(linkage.linkageCsv(N, null, null, null, head, null)))
                .isEqualTo(node.get(path + "/linkage?format=csv").body());
        assertThat(linkage.packages(N, null, null, null, null, head, null, null).getPackages()).singleElement()
                .satisfies(offered -> assertThat(offered.getPackageId()).isEqualTo("humanitarian"));
        assertThat(csv(linkage.packagesCsv(N, null, null, null, null, head, null)))
                .isEqualTo(node.get(path + "/packages?format=csv").body());

        BodiesApi bodies = new BodiesApi(client);
        assertThat(bodies.bodies(N, null, null, null, null, null, head, null, null).getBodies()).singleElement()
                .satisfies(body -> assertThat(body.getActive()).isFalse());
        assertThat(csv(bodies.bodiesCsv(N, null, null, null, null, null, head, null)))
                .isEqualTo(node.get(path + "/bodies?format=csv").body());

        AccountsApi accounts = new AccountsApi(client);
        assertThat(accounts.accounts(N, null, null, null, null, head, null, null).getRecords()).singleElement()
                .satisfies(contested -> assertThat(contested.getDiffer()).isTrue());
        assertThat(csv(accounts.accountsCsv(N, null, null, null, null, head, null)))
                .isEqualTo(node.get(path + "/accounts?format=csv").body());

        NegotiationsApi negotiations = new NegotiationsApi(client);
        assertThat(negotiations.negotiations(null, null, null, null, head).getNegotiations())
                .extracting(summary -> summary.getId()).contains(N);
        assertThat(negotiations.negotiation(N, LocalDate.of(2025, 6, 1), null, null, head).getParties())
                .extracting(party -> party.getId() + " " + party.getRole()).containsExactly("ua PARTY", "ru PARTY",
                        "tr MEDIATOR");
        assertThat(negotiations.negotiation(N, null, null, null, head).getParties())
                .as("Türkiye left on 20 July").extracting(party -> party.getId()).containsExactly("ua", "ru");
    }

    /** JSON Lines through the importer, a GDELT file with its mapping, and the batch taken back. */
    private long importAndRetract(ApiClient client, Path dir) throws Exception {
        String lines = """
                {"path":"/api/negotiations/client-walk/topics","body":{"id":"territory","title":"Territory"}}
                {"path":"/api/negotiations/client-walk/topics","body":{"id":"territory","title":"Again"}}
                """;
        List<String> imported = Files.readAllLines(new ImportApi(client).importLines(lines, "continue", "all")
                .toPath());
        assertThat(imported).hasSize(3);
        assertThat(imported.get(0)).contains("\"status\":\"ACCEPTED\"");
        assertThat(imported.get(1)).contains("\"status\":\"REFUSED\"");
        assertThat(imported.get(2)).contains("\"accepted\":1", "\"refused\":1");

        EventDataApi eventData = new EventDataApi(client);
        assertThat(eventData.shippedMapping().toString()).contains("parties");
        new CommandsApi(client).openNegotiation(new OpenNegotiationRequest().id(GDELT).title("GDELT through a client")
                .openedOn(LocalDate.of(2016, 1, 1)), null, null);
        Path rows = dir.resolve("gdelt.tsv");
        try (InputStream sample = getClass().getResourceAsStream("/eventdata/gdelt1_20160728_sample_events.tsv")) {
            Files.copy(sample, rows);
        }
        Path mapping = Files.writeString(dir.resolve("mapping.json"), """
                {"parties": [
                  {"party": "us", "name": "United States", "match": [{"country": "USA"}]},
                  {"party": "ru", "name": "Russia", "match": [{"country": "RUS"}]}
                ]}""");
        EventDataReport report = eventData.importEvents(GDELT, "gdelt1", rows.toFile(), false, false, mapping.toFile());
        assertThat(report.getRows()).isEqualTo(710);
        assertThat(report.getRecorded()).isEqualTo(3);
        assertThat(eventData.retractBatch(GDELT, report.getBatchId(), new RetractionRequest()
                .reason("imported with the wrong mapping")).getRetracted()).isEqualTo(3);
        return new IntegrityApi(client).checkpoint(GDELT).getSequence();
    }

    private long closeTheNegotiation(CommandsApi commands) throws ApiException {
        return commands.closeNegotiation(N, new ClosureRequest().outcome(ClosureRequest.OutcomeEnum.SUSPENDED)
                .closedOn(LocalDate.of(2025, 7, 23)).summary("Talks paused after the third round"), null, null)
                .getPosition();
    }

    /** The audit pages, the chain's verification and checkpoint, the session and the event stream. */
    private void readTheRecordsAndTheStream(ApiClient client, long head) throws Exception {
        AuditApi audit = new AuditApi(client);
        assertThat(audit.negotiationAudit(N, List.of("StatementCorrected"), null, null, null, null, null, null,
                null, null, null, null, head, null, null).getEntries()).singleElement();
        assertThat(csv(audit.negotiationAuditCsv(N, null, null, null, null, null, null, null, null, null, null, null,
                head, null))).contains("NegotiationClosed");
        assertThat(audit.audit(null, null, null, null, null, null, null, null, null, null, 500, head, null, null)
                .getEntries()).isNotEmpty();
        assertThat(csv(audit.auditCsv(null, null, null, null, null, null, null, null, null, null, 500, head, null)))
                .contains(GDELT, N);

        IntegrityApi integrity = new IntegrityApi(client);
        assertThat(integrity.verify(N, null, null).getIntact()).isTrue();
        assertThat(integrity.checkpoint(N).getEvents()).isEqualTo(integrity.verify(N, null, null).getEvents());
        assertThat(new SessionApi(client).session().getRole()).isEqualTo("RECORDER");

        List<String> stream = Files.readAllLines(new EventsApi(client).events("0", N, null, true, null, null)
                .toPath());
        assertThat(stream.get(0)).contains("\"type\":\"NegotiationOpened\"");
        assertThat(stream.get(stream.size() - 2)).contains("\"type\":\"NegotiationClosed\"");
        assertThat(stream.get(stream.size() - 1)).contains("\"caughtUp\":true");
    }

    /** The views' state, their dead letters, and a replay after which the matrix is what it was. */
    private void administer(AdminApi admin, PositionsApi positions, long head) throws Exception {
        assertThat(admin.projections().getProjections()).extracting(ViewStatus::getName).contains("positions");
        assertThat(admin.deadLetters("positions").getTotal()).isZero();
        assertThat(admin.retryDeadLetters("positions").getRemaining()).isZero();
        PositionMatrix before = positions.positions(N, null, null, null, null, null, head, null, null);
        assertThat(admin.replayProjection("positions", "walk-replay").getName()).isEqualTo("positions");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        for (ViewStatus status = admin.projection("positions"); Boolean.TRUE.equals(status.getReplaying())
                || status.getPosition() < head; status = admin.projection("positions")) {
            assertThat(Instant.now()).as("the replay ends").isBefore(deadline);
            Thread.sleep(100);
        }
        assertThat(positions.positions(N, null, null, null, null, null, head, null, null).getPositions())
                .isEqualTo(before.getPositions());
    }

    /** The verification of every negotiation and the export as files; the export restored elsewhere. */
    private void backUpAndRestore(ApiClient recorder, ApiClient admin, Path dir) throws Exception {
        List<String> verified = Files.readAllLines(new IntegrityApi(admin).verifyAll().toPath());
        assertThat(verified).hasSize(3);
        assertThat(verified.get(verified.size() - 1)).contains("\"broken\":0");
        Path exported = new BackupApi(admin).export().toPath();
        assertThat(Files.readAllLines(exported).get(0)).contains("\"type\":\"NegotiationOpened\"");

        try (LedgerNode empty = LedgerNode.start(Map.of("ledger.data-dir", dir.resolve("second").toString()))) {
            ApiClient second = client(empty, LedgerNode.ADMIN);
            Restored restored = new BackupApi(second).restore(Files.readString(exported));
            IntegrityApi integrity = new IntegrityApi(recorder);
            assertThat(restored.getHeads()).containsEntry(N, integrity.verify(N, null, null).getHeadHash())
                    .containsEntry(GDELT, integrity.verify(GDELT, null, null).getHeadHash());
        }
    }

    private void refusalsComeAsProblems(CommandsApi commands) {
        assertThatThrownBy(() -> commands.registerParty(N, party("ua", "Ukraine again",
                RegisterPartyRequest.RoleEnum.PARTY), null, null))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(409);
                    assertThat(refused.getResponseBody()).contains("\"type\":\"/problems/", "ua");
                });
    }

    /** The operations of docs/openapi.json that no answer of the walk came from with a 2xx. */
    private TreeSet<String> operationsNotReached() throws IOException {
        record Operation(String id, String method, Pattern path, int variables) {
        }
        List<Operation> operations = new ArrayList<>();
        JsonNode paths = new ObjectMapper().readTree(Path.of("..", "docs", "openapi.json").toFile()).get("paths");
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String template = path.getKey();
            operations.add(new Operation(operation.getValue().get("operationId").asText(),
                    operation.getKey().toUpperCase(), Pattern.compile(Pattern.quote(template)
                    .replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q")), template.split("\\{", -1).length - 1));
        }));
        TreeSet<String> notReached = new TreeSet<>(operations.stream().map(Operation::id).toList());
        synchronized (answers) {
            for (String answer : answers) {
                String[] parts = answer.split(" ");
                if (!parts[2].startsWith("2")) {
                    continue;
                }
                Optional<Operation> operation = operations.stream().filter(candidate -> candidate.method()
                        .equals(parts[0]) && candidate.path().matcher(parts[1]).matches())
                        .min(Comparator.comparingInt(Operation::variables));
                operation.map(Operation::id).ifPresent(notReached::remove);
            }
        }
        return notReached;
    }

    /** A generated client of the node, speaking as the user with the user's password, noting every answer. */
    private ApiClient client(LedgerNode node, String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(node.url());
        String credentials = user + ":" + LedgerNode.password(user);
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))));
        client.setResponseInterceptor(response -> answers.add(response.request().method() + " "
                + response.uri().getRawPath() + " " + response.statusCode()));
        return client;
    }

    private static RegisterPartyRequest party(String id, String name, RegisterPartyRequest.RoleEnum role) {
        return new RegisterPartyRequest().id(id).name(name).role(role);
    }

    private static RecordMeetingRequest meeting(String id, LocalDate heldOn) {
        return new RecordMeetingRequest().id(id).heldOn(heldOn).location("Istanbul")
                .level(RecordMeetingRequest.LevelEnum.DELEGATIONS).partyIds(List.of("ua", "ru"))
                .mediatorIds(List.of("tr")).heads(Map.of("ua", "umerov", "ru", "medinsky"))
                .topicIds(List.of("ceasefire", "prisoners"));
    }

    private static RecordStatementRequest statement(String id, String party, RecordStatementRequest.StanceEnum stance,
                                                    String summary, LocalDate effectiveOn) {
        return new RecordStatementRequest().id(id).partyId(party).topicId("ceasefire").stance(stance)
                .summary(summary).effectiveOn(effectiveOn);
    }

    private static SourceBody source(String publisher) {
        return new SourceBody().publisher(publisher).publishedOn(MAY_16).language("en");
    }

    private static Position cell(PositionMatrix matrix, String party) {
        return matrix.getPositions().stream().filter(position -> position.getPartyId().equals(party)).findFirst()
                .orElseThrow();
    }

    private static String csv(java.io.File file) throws IOException {
        return Files.readString(file.toPath());
    }
}
