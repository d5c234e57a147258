package org.negotiationledger.api.views;

import jakarta.servlet.http.HttpServletRequest;
import org.negotiationledger.core.api.BodyMember;
import org.negotiationledger.core.api.EventCoding;
import org.negotiationledger.core.api.Offer;
import org.negotiationledger.core.api.Provision;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.core.api.StatementLink;
import org.negotiationledger.projections.exchanges.Exchange;
import org.negotiationledger.projections.exchanges.ExchangeList;
import org.negotiationledger.projections.meetings.Meeting;
import org.negotiationledger.projections.meetings.MeetingTimeline;
import org.negotiationledger.projections.positions.AccountList;
import org.negotiationledger.projections.positions.AgreementList;
import org.negotiationledger.projections.positions.BodyList;
import org.negotiationledger.projections.positions.Linkage;
import org.negotiationledger.projections.positions.Outcome;
import org.negotiationledger.projections.positions.OutcomeList;
import org.negotiationledger.projections.positions.Position;
import org.negotiationledger.projections.positions.PositionChanges;
import org.negotiationledger.projections.positions.PositionDyads;
import org.negotiationledger.projections.positions.PositionHistory;
import org.negotiationledger.projections.positions.PositionMatrix;
import org.negotiationledger.projections.positions.SignedAgreement;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The views as CSV for spreadsheets, pandas and R ({@code Accept: text/csv} or {@code ?format=csv}):
 * one row per position, version, change, meeting, exchange, outcome or audit entry, a header row,
 * RFC 4180 quoting, UTF-8, CRLF. Lists in a cell are joined with {@code ;}. A text that a
 * spreadsheet would take for a formula (it begins with =, +, - or @ and is no number) is written
 * with a leading apostrophe.
 */
public final class CsvAnswers extends AbstractHttpMessageConverter<Object> {

    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    /** How each answer becomes rows: the header, then one row per item. */
    private record Table<T>(List<String> header, Function<T, Stream<List<Object>>> rows) {
    }

    private static final List<String> POSITION = List.of("partyId", "topicId", "statementId", "revision", "kind",
            "stance", "score", "summary", "conditions", "offerValue", "offerMin", "offerMax", "offerUnit",
            "effectiveOn", "validUntil", "meetingId", "delegateId", "recordedAt", "machineCoded", "publishers",
            "counterpartId", "effectiveAt", "links");

    private static final Map<Class<?>, Table<?>> TABLES = Map.ofEntries(
            table(PositionMatrix.class, new Table<PositionMatrix>(POSITION,
                    matrix -> matrix.positions().stream().map(CsvAnswers::position))),
            table(PositionDyads.class, new Table<PositionDyads>(POSITION,
                    dyads -> dyads.positions().stream().map(CsvAnswers::position))),
            table(Linkage.class, new Table<Linkage>(List.of("statementId", "partyId", "topicId", "effectiveOn",
                    "kind", "linkedTopicId", "linkedRecordId"),
                    linkage -> linkage.links().stream().map(l -> row(l.statementId(), l.partyId(), l.topicId(),
                            l.effectiveOn(), l.kind(), l.linkedTopicId(), l.linkedRecordId())))),
            table(Linkage.PackageList.class, new Table<Linkage.PackageList>(List.of("packageId", "title", "topicIds",
                    "proposedBy", "proposedOn", "terms", "status", "agreedTopicIds", "refusedTopicIds",
                    "openTopicIds", "recordedAt", "publishers", "sourceUrls"),
                    list -> list.packages().stream().map(p -> row(p.packageId(), p.title(), p.topicIds(),
                            p.proposedBy(), p.proposedOn(), p.terms(), p.status(), p.agreedTopicIds(),
                            p.refusedTopicIds(), p.openTopicIds(), p.recordedAt(), p.publishers(),
                            urls(p.sources()))))),
            table(AccountList.class, new Table<AccountList>(List.of("recordId", "recordKind", "recordDay", "field",
                    "differ", "accountId", "text", "value", "unit", "reportedBy", "recordedAt", "retracted",
                    "retractionReason", "publishers", "sourceUrls"),
                    list -> list.records().stream().flatMap(c -> c.accounts().stream().map(a -> row(c.recordId(),
                            c.recordKind(), c.recordDay(), c.field(), c.differ(), a.accountId(), a.text(), a.value(),
                            a.unit(), a.reportedBy(), a.recordedAt(), a.retracted(), a.retractionReason(),
                            a.publishers(), urls(a.sources())))))),
            table(BodyList.class, new Table<BodyList>(List.of("bodyId", "name", "kind", "mandate", "createdOn",
                    "members", "topicIds", "agreementId", "meetingId", "active", "dissolvedOn", "dissolutionReason",
                    "recordedAt", "publishers", "sourceUrls"),
                    list -> list.bodies().stream().map(b -> row(b.id(), b.name(), b.kind(), b.mandate(), b.createdOn(),
                            b.members().stream().map(CsvAnswers::member).toList(), b.topicIds(), b.agreementId(),
                            b.meetingId(), b.active(), b.dissolvedOn(), b.dissolutionReason(), b.recordedAt(),
                            b.publishers(), urls(b.sources()))))),
            table(PositionHistory.class, new Table<PositionHistory>(List.of("statementId", "revision", "kind", "stance",
                    "score", "summary", "conditions", "offerValue", "offerMin", "offerMax", "offerUnit", "effectiveOn",
                    "validUntil", "meetingId", "delegateId", "delegateTitle", "sourcePublisher", "sourcePublishedOn",
                    "sourceQuote", "note", "reason", "recordedAt", "supersededAt", "superseded", "machineCoded",
                    "dataset", "cameoCode", "goldstein", "tone", "mentions", "eventIds", "batchId", "publishers",
                    "sourceUrls", "counterpartId", "effectiveAt", "links"),
                    history -> history.entries().stream().map(e -> row(e.statementId(), e.revision(), e.kind(),
                            e.stance(), e.score(), e.summary(), e.conditions(), offer(e.offer(), Offer::value),
                            offer(e.offer(), Offer::min), offer(e.offer(), Offer::max), offer(e.offer(), Offer::unit),
                            e.effectiveOn(), e.validUntil(), e.meetingId(), e.delegateId(), e.delegateTitle(),
                            e.source() == null ? null : e.source().publisher(),
                            e.source() == null ? null : e.source().publishedOn(),
                            e.source() == null ? null : e.source().quote(), e.note(), e.reason(), e.recordedAt(),
                            e.supersededAt(), e.superseded(), e.machineCoded(), coded(e.coding(), EventCoding::dataset),
                            coded(e.coding(), EventCoding::cameoCode), coded(e.coding(), EventCoding::goldstein),
                            coded(e.coding(), EventCoding::tone), coded(e.coding(), EventCoding::mentions),
                            coded(e.coding(), EventCoding::eventIds), coded(e.coding(), EventCoding::batchId),
                            e.publishers(), urls(e.sources()), e.counterpartId(), e.effectiveAt(),
                            links(e.links()))))),
            table(PositionChanges.class, new Table<PositionChanges>(List.of("partyId", "topicId", "beforeStatementId",
                    "beforeStance", "beforeSummary", "afterStatementId", "afterStance", "afterSummary", "scoreChange"),
                    changes -> changes.changes().stream().map(c -> row(c.partyId(), c.topicId(),
                            c.before() == null ? null : c.before().statementId(),
                            c.before() == null ? null : c.before().stance(),
                            c.before() == null ? null : c.before().summary(),
                            c.after() == null ? null : c.after().statementId(),
                            c.after() == null ? null : c.after().stance(),
                            c.after() == null ? null : c.after().summary(), c.scoreChange())))),
            table(MeetingTimeline.class, new Table<MeetingTimeline>(List.of("meetingId", "heldOn", "location", "level",
                    "partyIds", "mediatorIds", "heads", "topicIds", "summary", "statementIds", "recordedAt", "publishers",
                    "sourceUrls", "retracted", "retractionReason", "machineCoded", "batchId", "endsOn", "startsAt",
                    "endsAt", "format"),
                    timeline -> timeline.meetings().stream().map(m -> row(m.id(), m.heldOn(), m.location(), m.level(),
                            m.partyIds(), m.mediatorIds(), heads(m), m.topicIds(), m.summary(),
                            m.statements().stream().map(Meeting.Said::statementId).toList(), m.recordedAt(),
                            m.publishers(), urls(m.sources()), m.retracted(), m.retractionReason(), m.machineCoded(),
                            coded(m.coding(), EventCoding::batchId), m.endsOn(), m.startsAt(), m.endsAt(),
                            m.format())))),
            table(ExchangeList.class, new Table<ExchangeList>(List.of("exchangeId", "kind", "kindText", "proposedBy",
                    "proposedOn", "sides", "quantities", "allForAll", "categories", "status", "agreedBy", "agreedOn",
                    "agreementMeetingId", "stages", "totals", "completedOn", "note", "recordedAt", "publishers",
                    "sourceUrls", "agreementSourceUrls", "agreementId"),
                    list -> list.exchanges().stream().map(CsvAnswers::exchange))),
            table(AgreementList.class, new Table<AgreementList>(List.of("agreementId", "title", "signedOn", "stage",
                    "signatories", "topicIds", "provisions", "exchangeIds", "meetingId", "status", "statusSince",
                    "retracted", "retractionReason", "recordedAt", "publishers", "sourceUrls"),
                    list -> list.agreements().stream().map(CsvAnswers::agreement))),
            table(OutcomeList.class, new Table<OutcomeList>(List.of("outcomeId", "kind", "topicIds", "partyIds", "terms",
                    "reachedOn", "meetingId", "status", "statusSince", "sourcePublisher", "sourceQuote", "recordedAt",
                    "retracted", "retractionReason", "machineCoded", "cameoCode", "eventIds", "batchId", "publishers",
                    "sourceUrls"),
                    list -> list.outcomes().stream().map(CsvAnswers::outcome))),
            table(AuditController.AuditTrail.class, new Table<AuditController.AuditTrail>(List.of("position",
                    "negotiationId", "sequence", "eventId", "type", "revision", "effectiveOn", "recordedAt",
                    "recordedBy", "correlationId", "payload"),
                    trail -> trail.entries().stream().map(e -> row(e.position(), e.negotiationId(), e.sequence(),
                            e.eventId(), e.type(), e.revision(), e.effectiveOn(), e.recordedAt(), e.recordedBy(),
                            e.correlationId(), e.payload())))));

    /** The query parameter that asks for a byte-order mark (every read takes it, see the http package). */
    private static final String BOM = "bom";

    CsvAnswers() {
        super(CSV);
    }

    /** The header row of the CSV form of the answer named {@code answerName}, or empty when it has none. */
    public static Optional<List<String>> headerOf(String answerName) {
        return TABLES.entrySet().stream().filter(table -> table.getKey().getSimpleName().equals(answerName))
                .map(table -> table.getValue().header()).findFirst();
    }

    @Override
    protected boolean supports(Class<?> type) {
        return writes(type);
    }

    /** Whether an answer of this type has a CSV form. */
    static boolean writes(Class<?> type) {
        return TABLES.containsKey(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected Object readInternal(Class<?> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("the ledger reads no CSV", input);
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void writeInternal(Object answer, HttpOutputMessage output) throws IOException {
        Table<Object> table = (Table<Object>) TABLES.get(answer.getClass());
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes
                attributes ? attributes.getRequest() : null;
        if (request != null) {
            output.getHeaders().setContentDisposition(ContentDisposition.attachment()
                    .filename(fileName(request.getRequestURI())).build());
        }
        Writer out = new OutputStreamWriter(output.getBody(), StandardCharsets.UTF_8);
        if (request != null && "true".equals(request.getParameter(BOM))) {
            out.write('\uFEFF');
        }
        line(out, new ArrayList<>(table.header()));
        for (List<Object> row : (Iterable<List<Object>>) table.rows().apply(answer)::iterator) {
            line(out, row);
        }
        out.flush();
    }

    /** The file a download is saved as: the path after /api/, its slashes as dashes, "negotiations-x-positions.csv". */
    static String fileName(String path) {
        String name = path.replaceFirst("^/api/", "").replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-|-$", "");
        return (name.isEmpty() ? "ledger" : name) + ".csv";
    }

    private static void line(Writer out, List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(values.get(i)));
        }
        out.write("\r\n");
    }

    /** One value as a field: text quoted where it must be, lists joined with ';', nothing for null. */
    static String field(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
        }
        String text = value instanceof Collection<?> items ? String.join(";", items.stream().map(String::valueOf)
                .toList()) : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !text.matches("[-+]?[0-9.]+")) {
            text = "'" + text;
        }
        if (text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** The addresses of the sources that have one, in their order. */
    private static List<String> urls(List<Source> sources) {
        return sources.stream().map(Source::url).filter(Objects::nonNull).toList();
    }

    private static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    private static Object offer(Offer offer, Function<Offer, Object> part) {
        return offer == null ? null : part.apply(offer);
    }

    private static List<Object> position(Position p) {
        return row(p.partyId(), p.topicId(), p.statementId(), p.revision(), p.kind(), p.stance(), p.score(),
                p.summary(), p.conditions(), offer(p.offer(), Offer::value), offer(p.offer(), Offer::min),
                offer(p.offer(), Offer::max), offer(p.offer(), Offer::unit), p.effectiveOn(), p.validUntil(),
                p.meetingId(), p.delegateId(), p.recordedAt(), p.machineCoded(), p.publishers(), p.counterpartId(),
                p.effectiveAt(), links(p.links()));
    }

    /** A statement's links in one cell: "ONLY_AFTER topic ceasefire; IF record pow-1". */
    private static String links(List<StatementLink> links) {
        return links.stream().map(link -> link.kind() + (link.topicId() == null ? "" : " topic " + link.topicId())
                + (link.recordId() == null ? "" : " record " + link.recordId())).collect(Collectors.joining("; "));
    }

    /** A member in one cell: "ua/umerov (co-chair)", the delegate and role where named. */
    private static String member(BodyMember member) {
        return member.partyId() + (member.delegateId() == null ? "" : "/" + member.delegateId())
                + (member.role() == null ? "" : " (" + member.role() + ")");
    }

    private static <T> Map.Entry<Class<?>, Table<?>> table(Class<T> type, Table<T> table) {
        return Map.entry(type, table);
    }

    /** A field of what a machine coded, or nothing for a record a person made. */
    private static Object coded(EventCoding coding, Function<EventCoding, Object> field) {
        return coding == null ? null : field.apply(coding);
    }

    private static List<String> heads(Meeting meeting) {
        return meeting.heads().entrySet().stream().map(head -> head.getKey() + "=" + head.getValue()).toList();
    }

    private static List<Object> exchange(Exchange x) {
        return row(x.id(), x.kind(), x.terms().kindText(), x.proposedBy(), x.proposedOn(), x.terms().sides(),
                pairs(x.terms().quantities()), x.terms().allForAll(), x.terms().categories(), x.status(),
                x.agreement() == null ? null : x.agreement().partyIds(),
                x.agreement() == null ? null : x.agreement().agreedOn(),
                x.agreement() == null ? null : x.agreement().meetingId(), x.stages().size(), pairs(x.totals()),
                x.completedOn(), x.note(), x.recordedAt(), x.publishers(), urls(x.sources()),
                x.agreement() == null ? null : urls(x.agreement().sources()),
                x.agreement() == null ? null : x.agreement().agreementId());
    }

    /** An agreement's row: its provisions as "topic: text" and their exchanges, its signatories as party=delegate. */
    private static List<Object> agreement(SignedAgreement a) {
        Outcome.StatusChange last = a.statuses().isEmpty() ? null : a.statuses().get(a.statuses().size() - 1);
        return row(a.id(), a.title(), a.signedOn(), a.stage(), a.signatories().stream()
                        .map(s -> s.delegateId() == null ? s.partyId() : s.partyId() + "=" + s.delegateId()).toList(),
                a.topicIds(), a.provisions().stream().map(p -> p.topicId() + ": " + p.text()).toList(),
                a.provisions().stream().map(Provision::exchangeId).filter(Objects::nonNull).toList(), a.meetingId(),
                a.status(), last == null ? null : last.since(), a.retracted(), a.retractionReason(), a.recordedAt(),
                a.publishers(), urls(a.sources()));
    }

    private static List<Object> outcome(Outcome o) {
        Outcome.StatusChange last = o.statuses().isEmpty() ? null : o.statuses().get(o.statuses().size() - 1);
        return row(o.id(), o.kind(), o.topicIds(), o.partyIds(), o.terms(), o.reachedOn(), o.meetingId(), o.status(),
                last == null ? null : last.since(), o.source() == null ? null : o.source().publisher(),
                o.source() == null ? null : o.source().quote(), o.recordedAt(), o.retracted(), o.retractionReason(),
                o.coding() != null, coded(o.coding(), EventCoding::cameoCode), coded(o.coding(), EventCoding::eventIds),
                coded(o.coding(), EventCoding::batchId), o.publishers(), urls(o.sources()));
    }

    private static List<String> pairs(Map<String, Integer> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }
}
