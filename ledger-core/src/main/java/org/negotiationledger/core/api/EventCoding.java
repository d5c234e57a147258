package org.negotiationledger.core.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a machine coded about a record brought in from event data (GDELT, ICEWS), kept as it was
 * coded: the record says a machine made it, and from which rows. Rows that reported one event
 * (same day, same parties, same CAMEO code) make one record: their ids, addresses and actors are
 * all kept, their mentions, sources and articles summed.
 *
 * @param dataset       {@code gdelt1}, {@code gdelt2} or {@code icews}
 * @param batchId       the import that brought the record; one request retracts a whole batch
 * @param eventIds      the dataset's ids of the rows (GLOBALEVENTID, ICEWS Event ID)
 * @param cameoCode     the CAMEO action code as text, leading zeros kept ("057")
 * @param quadClass     GDELT's QuadClass (1 verbal cooperation … 4 material conflict); ICEWS has none
 * @param goldstein     the Goldstein score of the code (ICEWS: its intensity)
 * @param tone          the average tone of the reporting documents, over the rows (GDELT only)
 * @param mentions      mentions summed over the rows (ICEWS: one per row)
 * @param sources       sources summed over the rows (GDELT only)
 * @param articles      articles summed over the rows (GDELT only)
 * @param urls          the reports' addresses, each once (GDELT's SOURCEURL)
 * @param publishers    the publishers, each once (ICEWS)
 * @param stories       the reports' stories and sentences, each once (ICEWS: "Story ID/Sentence Number")
 * @param targetPartyId the party the action was aimed at
 * @param actors        the source actors as coded, each once
 * @param targets       the target actors as coded, each once
 * @param place         where the action took place, as coded (GDELT's ActionGeo_FullName, ICEWS's city,
 *                      province and country), of the first row
 * @param latitude      its latitude, of the first row
 * @param longitude     its longitude, of the first row
 */
public record EventCoding(@Required String dataset, @Required String batchId, @Required List<String> eventIds,
                          @Required String cameoCode, Integer quadClass, BigDecimal goldstein, BigDecimal tone,
                          Integer mentions, Integer sources, Integer articles, List<String> urls,
                          List<String> publishers, List<String> stories, String targetPartyId, List<CodedActor> actors,
                          List<CodedActor> targets, String place, BigDecimal latitude, BigDecimal longitude) {

    public EventCoding {
        eventIds = Collections2.list(eventIds);
        urls = Collections2.list(urls);
        publishers = Collections2.list(publishers);
        stories = Collections2.list(stories);
        actors = Collections2.list(actors);
        targets = Collections2.list(targets);
    }

    /**
     * An actor as the dataset coded it.
     *
     * @param code    the CAMEO actor code (GDELT), e.g. {@code RUSGOV}
     * @param name    the actor's name as written in the row
     * @param country the country: a CAMEO country code (GDELT) or a country's name (ICEWS)
     * @param sectors the actor's types or sectors (GDELT's type codes, ICEWS's sectors)
     * @param groups  GDELT's known-group, ethnic and religion codes of the actor, those it has
     */
    public record CodedActor(String code, String name, String country, List<String> sectors, List<String> groups) {

        public CodedActor {
            sectors = Collections2.list(sectors);
            groups = Collections2.list(groups);
        }

        /** An actor without groups (as ICEWS codes every actor). */
        public CodedActor(String code, String name, String country, List<String> sectors) {
            this(code, name, country, sectors, List.of());
        }
    }
}
