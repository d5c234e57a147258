package org.negotiationledger.projections.positions;

import org.negotiationledger.core.api.LinkKind;
import org.negotiationledger.core.api.Source;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How a negotiation's topics hang together: every link a counting statement makes (its position
 * holds if, only after, or in return for a topic or record), and per topic the topics linked to
 * it, by a statement's link or by a package that groups them.
 */
public record Linkage(String negotiationId, LocalDate asOf, Instant knownAt, List<Link> links,
                      List<LinkedTopic> linkedTopics) {

    /**
     * One link of a statement, in its version that counts.
     *
     * @param topicId        the statement's own topic
     * @param linkedTopicId  the topic it links to, if any
     * @param linkedRecordId the statement, meeting or exchange it links to, if any
     */
    public record Link(String statementId, String partyId, String topicId, LocalDate effectiveOn, LinkKind kind,
                       String linkedTopicId, String linkedRecordId) {
    }

    /** A topic and the topics linked to it, in the negotiation's order of topics. */
    public record LinkedTopic(String topicId, List<String> linkedTopicIds) {
    }

    /** What became of a package, from the latest outcome on each of its topics since it was proposed. */
    public enum PackageStatus {
        /** Some topic has no outcome since the proposal, or the outcomes differ: the package stands open. */
        OPEN,
        /** Every topic was agreed. */
        AGREED,
        /** Every topic was recorded as not agreed. */
        REFUSED
    }

    /**
     * A package of topics to be agreed or refused together.
     *
     * @param agreedTopicIds  its topics whose latest outcome since the proposal is an agreement
     * @param refusedTopicIds its topics whose latest outcome since the proposal is that there was none
     * @param openTopicIds    its topics without an outcome since the proposal
     * @param recordedAt      when the proposal was recorded
     */
    public record TopicPackage(String packageId, String title, List<String> topicIds, String proposedBy,
                               LocalDate proposedOn, String terms, List<Source> sources, int publishers,
                               Instant recordedAt, PackageStatus status, List<String> agreedTopicIds,
                               List<String> refusedTopicIds, List<String> openTopicIds) {
    }

    /** The packages of a negotiation, in the order they were proposed. */
    public record PackageList(String negotiationId, LocalDate asOf, Instant knownAt, List<TopicPackage> packages) {
    }
}
