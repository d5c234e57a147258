package org.negotiationledger.api.commands;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.negotiationledger.api.problems.ProblemException;
import org.negotiationledger.core.api.AddTopic;
import org.negotiationledger.core.api.AgreeExchange;
import org.negotiationledger.core.api.AgreementStage;
import org.negotiationledger.core.api.BodyKind;
import org.negotiationledger.core.api.BodyMember;
import org.negotiationledger.core.api.ChangeDelegateTitle;
import org.negotiationledger.core.api.ChangePartyRole;
import org.negotiationledger.core.api.CloseNegotiation;
import org.negotiationledger.core.api.CorrectStatement;
import org.negotiationledger.core.api.CorroborateMeeting;
import org.negotiationledger.core.api.CreateBody;
import org.negotiationledger.core.api.DissolveBody;
import org.negotiationledger.core.api.EventCoding;
import org.negotiationledger.core.api.ExchangeKind;
import org.negotiationledger.core.api.ExchangeTerms;
import org.negotiationledger.core.api.InvalidValueException;
import org.negotiationledger.core.api.LinkKind;
import org.negotiationledger.core.api.MeetingFormat;
import org.negotiationledger.core.api.MeetingLevel;
import org.negotiationledger.core.api.NegotiationCommand;
import org.negotiationledger.core.api.Offer;
import org.negotiationledger.core.api.OpenNegotiation;
import org.negotiationledger.core.api.Outcome;
import org.negotiationledger.core.api.OutcomeKind;
import org.negotiationledger.core.api.OutcomeStatus;
import org.negotiationledger.core.api.PartyRole;
import org.negotiationledger.core.api.ProposeExchange;
import org.negotiationledger.core.api.ProposePackage;
import org.negotiationledger.core.api.Provision;
import org.negotiationledger.core.api.RecordAccount;
import org.negotiationledger.core.api.RecordExchangeExecution;
import org.negotiationledger.core.api.RecordMeeting;
import org.negotiationledger.core.api.RecordOutcome;
import org.negotiationledger.core.api.RecordOutcomeStatus;
import org.negotiationledger.core.api.RecordPartyLeaving;
import org.negotiationledger.core.api.RecordStatement;
import org.negotiationledger.core.api.RegisterDelegate;
import org.negotiationledger.core.api.RegisterParty;
import org.negotiationledger.core.api.RetractAccount;
import org.negotiationledger.core.api.RetractCorroboration;
import org.negotiationledger.core.api.RetractMeeting;
import org.negotiationledger.core.api.RetractOutcome;
import org.negotiationledger.core.api.RetractStatement;
import org.negotiationledger.core.api.SignAgreement;
import org.negotiationledger.core.api.Signatory;
import org.negotiationledger.core.api.Source;
import org.negotiationledger.core.api.Stance;
import org.negotiationledger.core.api.StatementChanges;
import org.negotiationledger.core.api.StatementLink;
import org.negotiationledger.core.api.Values;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.negotiationledger.core.api.Values.CODED_ROWS;
import static org.negotiationledger.core.api.Values.ITEMS;
import static org.negotiationledger.core.api.Values.CODE;
import static org.negotiationledger.core.api.Values.NAME;
import static org.negotiationledger.core.api.Values.TEXT;
import static org.negotiationledger.core.api.Values.UNIT;
import static org.negotiationledger.core.api.Values.URL;

/**
 * Every command the ledger takes, in one table: the path of its POST, the JSON body it takes and
 * what it does. The HTTP endpoints, the importer and the API description are all made from it.
 * The bodies follow, with what makes them well-formed; whether they fit the negotiation
 * (registered parties, dates, numbers) is the aggregate's to decide. The limits are
 * the core's ({@link org.negotiationledger.core.api.Values}), which every command passes whichever way it
 * came; these annotations name the request's own fields when it breaks them. The strict reading of texts, dates and numbers is the web layer's JSON's.
 */
public final class CommandRoutes {

    public static final String NEGOTIATIONS = "/api/negotiations";

    public static final List<Route> ALL = List.of(
            new Route("openNegotiation", "", OpenNegotiationRequest.class, "Open a negotiation",
                    "Its id is chosen by you and stays; parties, delegates and topics are registered in it next."),
            new Route("registerParty", "/{negotiationId}/parties", RegisterPartyRequest.class,
                    "Register a party (a side, mediator or observer)",
                    "Statements, exchanges and outcomes name the party by the id given here."),
            new Route("changePartyRole", "/{negotiationId}/parties/{partyId}/roles", PartyRoleRequest.class,
                    "Record a party's new role from a day on",
                    "An observer who becomes a mediator: the views show the role the party had on the day asked "
                            + "about."),
            new Route("recordPartyLeaving", "/{negotiationId}/parties/{partyId}/departure", PartyLeavingRequest.class,
                    "Record that a party left the negotiation",
                    "From that day it is no longer among the parties present; the history before it stays."),
            new Route("registerDelegate", "/{negotiationId}/delegates", RegisterDelegateRequest.class,
                    "Register a delegate who speaks or acts for a party",
                    "A statement may name its delegate; the delegate's title is the one held on its day."),
            new Route("changeDelegateTitle", "/{negotiationId}/delegates/{delegateId}/titles",
                    DelegateTitleRequest.class, "Record a delegate's new title from a day on",
                    "Statements before that day keep the title the delegate held then."),
            new Route("addTopic", "/{negotiationId}/topics", AddTopicRequest.class, "Add a topic",
                    "A subject the parties take positions on: a row of the position matrix."),
            new Route("recordStatement", "/{negotiationId}/statements", RecordStatementRequest.class,
                    "Record a party's statement on a topic",
                    "The effective date is the day it was said (at a meeting, the meeting's day); the recording "
                            + "time is now."),
            new Route("correctStatement", "/{negotiationId}/statements/{statementId}/corrections",
                    CorrectionRequest.class, "Correct a statement",
                    "Only the fields that change, plus the reason. The original stays in the history."),
            new Route("retractStatement", "/{negotiationId}/statements/{statementId}/retraction",
                    RetractionRequest.class, "Retract a statement",
                    "It stops counting for the party's position; the history keeps it."),
            new Route("recordMeeting", "/{negotiationId}/meetings", RecordMeetingRequest.class,
                    "Record a round of talks",
                    "Where and when, who came and who mediated; statements made there may name the meeting."),
            new Route("retractMeeting", "/{negotiationId}/meetings/{meetingId}/retraction",
                    MeetingRetractionRequest.class, "Retract a meeting",
                    "The timeline keeps it, marked retracted; nothing new can be recorded at it."),
            new Route("corroborateMeeting", "/{negotiationId}/meetings/{meetingId}/corroborations",
                    CorroborationRequest.class, "Add reports found later to a meeting",
                    "Under an id of their own, so that they can be retracted on their own; taken after the "
                            + "negotiation's closure too."),
            new Route("retractCorroboration",
                    "/{negotiationId}/meetings/{meetingId}/corroborations/{corroborationId}/retraction",
                    CorroborationRetractionRequest.class, "Retract the reports a corroboration added to a meeting",
                    "The meeting stays; the corroboration is listed, marked retracted, and its reports no longer "
                            + "count."),
            new Route("proposeExchange", "/{negotiationId}/exchanges", ProposeExchangeRequest.class,
                    "Propose an exchange (numbered, or all for all in categories) or a one-sided transfer",
                    "With one side, that side hands over and nothing comes back."),
            new Route("agreeExchange", "/{negotiationId}/exchanges/{exchangeId}/agreements",
                    AgreeExchangeRequest.class, "Record that at least two parties agreed an exchange",
                    "The exchange's terms as proposed, or as amended here; its executions follow."),
            new Route("recordExchangeExecution", "/{negotiationId}/exchanges/{exchangeId}/executions",
                    ExecutionRequest.class, "Record a stage of an exchange carried out",
                    "The exchange completes when the agreed numbers are reached."),
            new Route("recordOutcome", "/{negotiationId}/outcomes", RecordOutcomeRequest.class,
                    "Record an agreement on topics, or that the parties did not agree",
                    "At a meeting, the outcome takes the meeting's day."),
            new Route("signAgreement", "/{negotiationId}/agreements", SignAgreementRequest.class,
                    "Record an agreement the parties signed, with its provisions",
                    "It is the outcome on each topic it provides for; an exchange a provision names is agreed by "
                            + "it. What became of it is recorded as of any outcome "
                            + "(…/outcomes/{agreementId}/statuses)."),
            new Route("proposePackage", "/{negotiationId}/packages", ProposePackageRequest.class,
                    "Record a package: topics to be agreed or refused together",
                    "It stands open until the outcomes on its topics since it was proposed agree them all, or "
                            + "record them all as not agreed (…/packages)."),
            new Route("createBody", "/{negotiationId}/bodies", CreateBodyRequest.class,
                    "Record a body the negotiation set up: a working group, a monitoring mission, a committee",
                    "With its members, mandate and the day it was created; it may name the agreement or meeting "
                            + "that made it."),
            new Route("dissolveBody", "/{negotiationId}/bodies/{bodyId}/dissolution", DissolutionRequest.class,
                    "Record that a body was dissolved",
                    "Taken after the negotiation's closure too: a body that carries out an agreement outlives the "
                            + "talks."),
            new Route("recordAccount", "/{negotiationId}/accounts", AccountRequest.class,
                    "Record one account of a record that sources tell differently",
                    "A figure or a wording of a statement, meeting, exchange, outcome or agreement as one source "
                            + "(or party) gives it; accounts stand side by side, none replaces another. Taken after "
                            + "the negotiation's closure too."),
            new Route("retractAccount", "/{negotiationId}/accounts/{accountId}/retraction",
                    AccountRetractionRequest.class, "Retract an account",
                    "The list keeps it, marked retracted; the record and its other accounts stay."),
            new Route("recordOutcomeStatus", "/{negotiationId}/outcomes/{outcomeId}/statuses",
                    OutcomeStatusRequest.class, "Record what became of an agreement from a day on",
                    "Implemented, partly implemented, violated or abandoned; one status a day."),
            new Route("retractOutcome", "/{negotiationId}/outcomes/{outcomeId}/retraction",
                    OutcomeRetractionRequest.class, "Retract an outcome",
                    "It stops counting as the topic's outcome; the list of outcomes keeps it, marked retracted."),
            new Route("closeNegotiation", "/{negotiationId}/closure", ClosureRequest.class, "Close a negotiation",
                    "A closed negotiation accepts nothing but corrections and retractions."));

    private CommandRoutes() {
    }

    /**
     * One command: its POST goes to {@link #NEGOTIATIONS} plus {@code path}, whose variables name
     * the negotiation and, for some, the statement or exchange.
     *
     * @param operationId the command's name in the API description
     */
    public record Route(String operationId, String path, Class<? extends CommandRequest> body, String summary,
                        String description) {

        /** The full path, with its variables in braces: /api/negotiations/{negotiationId}/parties. */
        public String template() {
            return NEGOTIATIONS + path;
        }

        /** The names of the path's variables, in order. */
        public List<String> variables() {
            return Arrays.stream(path.split("/")).filter(segment -> segment.startsWith("{"))
                    .map(segment -> segment.substring(1, segment.length() - 1)).toList();
        }

        Target target(Map<String, String> values) {
            List<String> names = variables();
            return new Target(names.isEmpty() ? null : values.get(names.get(0)),
                    names.size() < 2 ? null : values.get(names.get(1)),
                    names.size() < 3 ? null : values.get(names.get(2)));
        }
    }

    /**
     * The ids a command's path names: the negotiation, for corrections, retractions, agreements,
     * executions and corroborations the statement, meeting or exchange, and for the retraction of a
     * corroboration the corroboration ({@code partId}).
     */
    record Target(String negotiationId, String itemId, String partId) {

        Target {
            requireId("negotiationId", negotiationId);
            requireId("itemId", itemId);
            requireId("partId", partId);
        }

        Target(String negotiationId, String itemId) {
            this(negotiationId, itemId, null);
        }

        private static void requireId(String name, String id) {
            if (id != null && !Values.Text.ID.fits(id)) {
                throw ProblemException.invalidParameter(name, "in the path " + Values.ID_MESSAGE);
            }
        }
    }

    /** A request body that becomes one command. */
    public interface CommandRequest {
        NegotiationCommand toCommand(Target target, Instant recordedAt);
    }

    record OpenNegotiationRequest(@NotNull @Id String id,
                                  @NotBlank @Size(max = NAME) String title,
                                  @NotNull LocalDate openedOn,
                                  @Size(max = TEXT) String description) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new OpenNegotiation(id, title, description, openedOn, recordedAt);
        }
    }

    record RegisterPartyRequest(@NotNull @Id String id,
                                @NotBlank @Size(max = NAME) String name,
                                @NotNull PartyRole role,
                                LocalDate joinedOn) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new RegisterParty(target.negotiationId(), id, name, role, joinedOn, recordedAt);
        }
    }

    record PartyRoleRequest(@NotNull PartyRole role, @NotNull LocalDate since) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new ChangePartyRole(target.negotiationId(), target.itemId(), role, since, recordedAt);
        }
    }

    record PartyLeavingRequest(@NotNull LocalDate leftOn, @Size(max = TEXT) String note) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new RecordPartyLeaving(target.negotiationId(), target.itemId(), leftOn, note, recordedAt);
        }
    }

    record DelegateTitleRequest(@NotBlank @Size(max = NAME) String title, @NotNull LocalDate since)
            implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new ChangeDelegateTitle(target.negotiationId(), target.itemId(), title, since, recordedAt);
        }
    }

    record RegisterDelegateRequest(@NotNull @Id String id,
                                   @NotBlank @Size(max = NAME) String name,
                                   @NotNull @Id String partyId,
                                   @Size(max = NAME) String title,
                                   LocalDate since) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new RegisterDelegate(target.negotiationId(), id, name, partyId, title, since, recordedAt);
        }
    }

    record AddTopicRequest(@NotNull @Id String id,
                           @NotBlank @Size(max = NAME) String title,
                           @Size(max = TEXT) String description,
                           LocalDate addedOn) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new AddTopic(target.negotiationId(), id, title, description, addedOn, recordedAt);
        }
    }

    /** One value, or a range from min to max; which of them is given is the aggregate's rule to check. */
    record OfferBody(BigDecimal value, BigDecimal min, BigDecimal max, @NotBlank @Size(max = UNIT) String unit) {
        Offer toOffer() {
            return new Offer(value, min, max, unit);
        }
    }

    public record SourceBody(@Size(max = NAME) String publisher, @Size(max = NAME) String title,
                      @Size(max = URL) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
                      String url,
                      LocalDate publishedOn,
                      @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as "
                              + "'ru' or 'en-GB'") String language,
                      @Size(max = TEXT) String quote,
                      @Pattern(regexp = "[A-F]", message = "must be a grade of the source's reliability from A to F")
                      String reliability,
                      @Min(value = 1, message = "must be from 1 to 6") @Max(value = 6, message = "must be from 1 to 6")
                      Integer credibility) {
        Source toSource() {
            return new Source(publisher, title, url, publishedOn, language, quote, reliability, credibility);
        }

        /**
         * A record's sources: the list {@code sources}, or the one {@code source} (the shorthand of
         * earlier releases), or none; not both.
         */
        static List<Source> all(SourceBody source, List<SourceBody> sources) {
            if (source != null && sources != null) {
                throw new InvalidValueException("source", "cannot be given together with sources; put it in the list");
            }
            if (source != null) {
                return List.of(source.toSource());
            }
            return sources == null ? List.of() : sources.stream().map(SourceBody::toSource).toList();
        }
    }

    /** What a machine coded, for a record brought in from event data. */
    public record CodingBody(@NotNull @Pattern(regexp = "gdelt1|gdelt2|icews", message = "must be gdelt1, gdelt2 or icews")
                      String dataset,
                      @NotNull @Id String batchId,
                      @NotEmpty @Size(max = CODED_ROWS) List<@NotBlank @Size(max = CODE) String> eventIds,
                      @NotNull @Pattern(regexp = "[0-9]{2,4}", message = "must be a CAMEO code of 2 to 4 digits")
                      String cameoCode,
                      @Min(1) @Max(4) Integer quadClass,
                      @DecimalMin("-10") @DecimalMax("10") BigDecimal goldstein,
                      @DecimalMin("-100") @DecimalMax("100") BigDecimal tone,
                      @PositiveOrZero Integer mentions,
                      @PositiveOrZero Integer sources,
                      @PositiveOrZero Integer articles,
                      @Size(max = CODED_ROWS) List<@NotNull @Size(max = URL) String> urls,
                      @Size(max = CODED_ROWS) List<@NotNull @Size(max = NAME) String> publishers,
                      @Size(max = CODED_ROWS) List<@NotNull @Size(max = CODE) String> stories,
                      @Id String targetPartyId,
                      @Size(max = CODED_ROWS) List<@NotNull @Valid CodedActorBody> actors,
                      @Size(max = CODED_ROWS) List<@NotNull @Valid CodedActorBody> targets,
                      @Size(max = NAME) String place,
                      @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
                      @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude) {

        EventCoding toCoding() {
            return new EventCoding(dataset, batchId, eventIds, cameoCode, quadClass, goldstein, tone, mentions, sources,
                    articles, urls, publishers, stories, targetPartyId, actors(actors), actors(targets), place,
                    latitude, longitude);
        }

        private static List<EventCoding.CodedActor> actors(List<CodedActorBody> bodies) {
            return bodies == null ? List.of() : bodies.stream().map(CodedActorBody::toActor).toList();
        }
    }

    public record CodedActorBody(@Size(max = CODE) String code, @Size(max = NAME) String name,
                          @Size(max = NAME) String country,
                          @Size(max = ITEMS) List<@NotNull @Size(max = NAME) String> sectors,
                          @Size(max = ITEMS) List<@NotNull @Size(max = CODE) String> groups) {

        EventCoding.CodedActor toActor() {
            return new EventCoding.CodedActor(code, name, country, sectors, groups);
        }
    }

    public record RecordStatementRequest(@NotNull @Id String id,
                                  @NotNull @Id String partyId,
                                  @Id String delegateId,
                                  @NotNull @Id String topicId,
                                  @NotNull Stance stance,
                                  @NotBlank @Size(max = TEXT) String summary,
                                  @Size(max = TEXT) String conditions,
                                  @Valid OfferBody offer,
                                  LocalDate effectiveOn,
                                  @Valid SourceBody source,
                                  @Size(max = ITEMS) List<@NotNull @Valid SourceBody> sources,
                                  @Size(max = TEXT) String note,
                                  @Id String meetingId,
                                  LocalDate validUntil,
                                  @Valid CodingBody coding,
                                  @Id String counterpartId,
                                  LocalTime effectiveAt,
                                  @Size(max = ITEMS) List<@NotNull @Valid LinkBody> links) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new RecordStatement(target.negotiationId(), id, partyId, delegateId, topicId, stance, summary,
                    conditions, offer == null ? null : offer.toOffer(), effectiveOn,
                    SourceBody.all(source, sources), note, meetingId, validUntil,
                    coding == null ? null : coding.toCoding(), counterpartId, effectiveAt,
                    links == null ? null : links.stream().map(LinkBody::toLink).toList(), recordedAt);
        }
    }

    record LinkBody(@NotNull LinkKind kind, @Id String topicId, @Id String recordId) {

        StatementLink toLink() {
            return new StatementLink(kind, topicId, recordId);
        }
    }

    record AccountRequest(@NotNull @Id String id,
                          @NotNull @Id String recordId,
                          @Size(max = NAME) String field,
                          @Size(max = TEXT) String text,
                          BigDecimal value,
                          @Size(max = UNIT) String unit,
                          @Id String reportedBy,
                          @NotEmpty @Size(max = ITEMS) List<@NotNull @Valid SourceBody> sources)
            implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new RecordAccount(target.negotiationId(), id, recordId, field, text, value, unit, reportedBy,
                    SourceBody.all(null, sources), recordedAt);
        }
    }

    record AccountRetractionRequest(@NotBlank @Size(max = TEXT) String reason) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new RetractAccount(target.negotiationId(), target.itemId(), reason, recordedAt);
        }
    }

    record BodyMemberBody(@NotNull @Id String partyId, @Id String delegateId, @Size(max = NAME) String role) {
    }

    record CreateBodyRequest(@NotNull @Id String id,
                             @NotBlank @Size(max = NAME) String name,
                             @NotNull BodyKind kind,
                             @Size(max = TEXT) String mandate,
                             @NotNull LocalDate createdOn,
                             @NotEmpty @Size(max = ITEMS) List<@NotNull @Valid BodyMemberBody> members,
                             @Size(max = ITEMS) List<@NotNull @Id String> topicIds,
                             @Id String agreementId,
                             @Id String meetingId,
                             @Size(max = ITEMS) List<@NotNull @Valid SourceBody> sources) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new CreateBody(target.negotiationId(), id, name, kind, mandate, createdOn,
                    members.stream().map(m -> new BodyMember(m.partyId(), m.delegateId(), m.role())).toList(),
                    topicIds, agreementId, meetingId, SourceBody.all(null, sources), recordedAt);
        }
    }

    record DissolutionRequest(@NotNull LocalDate dissolvedOn,
                              @Size(max = TEXT) String reason,
                              @Size(max = ITEMS) List<@NotNull @Valid SourceBody> sources) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new DissolveBody(target.negotiationId(), target.itemId(), dissolvedOn, reason,
                    SourceBody.all(null, sources), recordedAt);
        }
    }

    record ProposePackageRequest(@NotNull @Id String id,
                                 @NotBlank @Size(max = NAME) String title,
                                 @NotEmpty @Size(max = ITEMS) List<@NotNull @Id String> topicIds,
                                 @Id String proposedBy,
                                 @NotNull LocalDate proposedOn,
                                 @Size(max = TEXT) String terms,
                                 @Valid SourceBody source,
                                 @Size(max = ITEMS) List<@NotNull @Valid SourceBody> sources) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new ProposePackage(target.negotiationId(), id, title, topicIds, proposedBy, proposedOn, terms,
                    SourceBody.all(source, sources), recordedAt);
        }
    }

    record CorrectionRequest(@Id String id,
                             Stance stance,
                             @Size(max = TEXT) String summary,
                             @Valid OfferBody offer,
                             @Size(max = TEXT) String conditions,
                             LocalDate effectiveOn,
                             LocalDate validUntil,
                             @Size(max = ITEMS) List<@NotNull @Valid SourceBody> sources,
                             @NotBlank @Size(max = TEXT) String reason) implements CommandRequest {

        StatementChanges changes() {
            return new StatementChanges(stance, summary, offer == null ? null : offer.toOffer(), conditions,
                    effectiveOn, validUntil, sources == null ? null : SourceBody.all(null, sources));
        }

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new CorrectStatement(target.negotiationId(), target.itemId(), id, changes(), reason, recordedAt);
        }
    }

    record RetractionRequest(@NotBlank @Size(max = TEXT) String reason) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new RetractStatement(target.negotiationId(), target.itemId(), reason, recordedAt);
        }
    }

    public record RecordMeetingRequest(@NotNull @Id String id,
                                @NotNull LocalDate heldOn,
                                @Size(max = NAME) String location,
                                @NotNull MeetingLevel level,
                                @NotEmpty @Size(max = ITEMS) List<@NotNull @Id String> partyIds,
                                @Size(max = ITEMS) List<@NotNull @Id String> mediatorIds,
                                @Size(max = ITEMS) Map<@NotNull @Id String, @NotNull @Id String> heads,
                                @Size(max = ITEMS) List<@NotNull @Id String> topicIds,
                                @Size(max = TEXT) String summary,
                                @Valid CodingBody coding,
                                @Size(max = ITEMS) List<@NotNull @Valid SourceBody> sources,
                                LocalDate endsOn,
                                LocalTime startsAt,
                                LocalTime endsAt,
                                MeetingFormat format) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new RecordMeeting(target.negotiationId(), id, heldOn, location, level, partyIds, mediatorIds, heads,
                    topicIds, summary, coding == null ? null : coding.toCoding(), SourceBody.all(null, sources),
                    endsOn, startsAt, endsAt, format, recordedAt);
        }
    }

    record MeetingRetractionRequest(@NotBlank @Size(max = TEXT) String reason) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new RetractMeeting(target.negotiationId(), target.itemId(), reason, recordedAt);
        }
    }

    public record CorroborationRequest(@NotNull @Id String id,
                                @NotEmpty @Size(max = ITEMS) List<@NotNull @Valid SourceBody> sources,
                                @Valid CodingBody coding) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new CorroborateMeeting(target.negotiationId(), target.itemId(), id, SourceBody.all(null, sources),
                    coding == null ? null : coding.toCoding(), recordedAt);
        }
    }

    record CorroborationRetractionRequest(@NotBlank @Size(max = TEXT) String reason) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new RetractCorroboration(target.negotiationId(), target.itemId(), target.partId(), reason,
                    recordedAt);
        }
    }

    record SignatoryBody(@NotNull @Id String partyId, @Id String delegateId) {
    }

    record ProvisionBody(@NotNull @Id String topicId, @Size(max = NAME) String category,
                         @NotBlank @Size(max = TEXT) String text, @Id String exchangeId) {
    }

    record SignAgreementRequest(@NotNull @Id String id,
                                @NotBlank @Size(max = NAME) String title,
                                @NotNull LocalDate signedOn,
                                @NotNull AgreementStage stage,
                                @NotEmpty @Size(max = ITEMS) List<@NotNull @Valid SignatoryBody> signatories,
                                @NotEmpty @Size(max = ITEMS) List<@NotNull @Valid ProvisionBody> provisions,
                                @Id String meetingId,
                                @Size(max = ITEMS) List<@NotNull @Valid SourceBody> sources) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new SignAgreement(target.negotiationId(), id, title, signedOn, stage,
                    signatories.stream().map(s -> new Signatory(s.partyId(), s.delegateId())).toList(),
                    provisions.stream().map(p -> new Provision(p.topicId(), p.category(), p.text(), p.exchangeId()))
                            .toList(), meetingId, SourceBody.all(null, sources), recordedAt);
        }
    }

    record ProposeExchangeRequest(@NotNull @Id String id,
                                  @NotNull ExchangeKind kind,
                                  @Size(max = CODE) String kindText,
                                  @Id String proposedBy,
                                  @NotNull LocalDate proposedOn,
                                  @Size(max = ITEMS) List<@NotNull @Id String> sides,
                                  @Size(max = ITEMS) Map<@NotNull @Id String, @NotNull @Positive Integer> quantities,
                                  boolean allForAll,
                                  @Size(max = ITEMS) List<@NotBlank @Size(max = NAME) String> categories,
                                  @Size(max = TEXT) String note,
                                  @Size(max = ITEMS) List<@NotNull @Valid SourceBody> sources) implements CommandRequest {
        ExchangeTerms terms() {
            return new ExchangeTerms(kind, kindText, sides, quantities, allForAll, categories);
        }

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new ProposeExchange(target.negotiationId(), id, proposedBy, proposedOn, terms(), note,
                    SourceBody.all(null, sources), recordedAt);
        }
    }

    record AgreeExchangeRequest(@NotEmpty @Size(max = ITEMS) List<@NotNull @Id String> partyIds,
                                @NotNull LocalDate agreedOn,
                                @Id String meetingId,
                                @Size(max = ITEMS) List<@NotNull @Valid SourceBody> sources)
            implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new AgreeExchange(target.negotiationId(), target.itemId(), partyIds, agreedOn, meetingId,
                    SourceBody.all(null, sources), recordedAt);
        }
    }

    record ExecutionRequest(@NotNull @Positive Integer stage,
                            @NotNull LocalDate executedOn,
                            @NotEmpty @Size(max = ITEMS)
                            Map<@NotNull @Id String, @NotNull @PositiveOrZero Integer> released,
                            boolean completes,
                            @Size(max = TEXT) String note,
                            @Size(max = ITEMS) List<@NotNull @Valid SourceBody> sources) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new RecordExchangeExecution(target.negotiationId(), target.itemId(), stage, executedOn, released,
                    completes, note, SourceBody.all(null, sources), recordedAt);
        }
    }

    public record RecordOutcomeRequest(@NotNull @Id String id,
                                @NotNull OutcomeKind kind,
                                @NotEmpty @Size(max = ITEMS) List<@NotNull @Id String> topicIds,
                                @NotEmpty @Size(max = ITEMS) List<@NotNull @Id String> partyIds,
                                @NotBlank @Size(max = TEXT) String terms,
                                LocalDate reachedOn,
                                @Id String meetingId,
                                @Valid SourceBody source,
                                @Size(max = ITEMS) List<@NotNull @Valid SourceBody> sources,
                                @Valid CodingBody coding) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new RecordOutcome(target.negotiationId(), id, kind, topicIds, partyIds, terms, reachedOn, meetingId,
                    SourceBody.all(source, sources), coding == null ? null : coding.toCoding(), recordedAt);
        }
    }

    record OutcomeRetractionRequest(@NotBlank @Size(max = TEXT) String reason) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new RetractOutcome(target.negotiationId(), target.itemId(), reason, recordedAt);
        }
    }

    record OutcomeStatusRequest(@NotNull OutcomeStatus status, @NotNull LocalDate since,
                                @Size(max = TEXT) String note,
                                @Size(max = ITEMS) List<@NotNull @Valid SourceBody> sources) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new RecordOutcomeStatus(target.negotiationId(), target.itemId(), status, since, note,
                    SourceBody.all(null, sources), recordedAt);
        }
    }

    record ClosureRequest(@NotNull Outcome outcome, @NotNull LocalDate closedOn, @Size(max = TEXT) String summary,
                          @Id String agreementId) implements CommandRequest {

        @Override
        public NegotiationCommand toCommand(Target target, Instant recordedAt) {
            return new CloseNegotiation(target.negotiationId(), outcome, closedOn, summary, agreementId, recordedAt);
        }
    }
}
